"""(Skeleton: being written.)"""


def evaluate_events(*args, **kwargs):
    raise NotImplementedError
