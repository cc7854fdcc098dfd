"""(Skeleton: being written.)"""


def evaluate_dates(*args, **kwargs):
    raise NotImplementedError
