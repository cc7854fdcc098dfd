"""(Skeleton: being written.)"""


class DateMention:
    pass


def find_dates(*args, **kwargs):
    raise NotImplementedError


def infer_reference(*args, **kwargs):
    raise NotImplementedError
