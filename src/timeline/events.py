"""(Skeleton: being written.)"""


def extract_events(*args, **kwargs):
    raise NotImplementedError
