"""(Skeleton: being written.)"""


def timeline_figure(*args, **kwargs):
    raise NotImplementedError


def lag_figure(*args, **kwargs):
    raise NotImplementedError


def perspective_figure(*args, **kwargs):
    raise NotImplementedError
