"""(Skeleton: being written.)"""


def extract_events(*args, **kwargs):
    raise NotImplementedError


def merge_events(*args, **kwargs):
    raise NotImplementedError


def evaluate_events(*args, **kwargs):
    raise NotImplementedError

