"""(Skeleton: being written.)"""


class MergeReport:
    pass


def merge_events(*args, **kwargs):
    raise NotImplementedError
