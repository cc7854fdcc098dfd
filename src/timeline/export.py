"""(Skeleton: being written.)"""


def write_html(*args, **kwargs):
    raise NotImplementedError


def write_image(*args, **kwargs):
    raise NotImplementedError


def to_timelinejs(*args, **kwargs):
    raise NotImplementedError


def write_timelinejs(*args, **kwargs):
    raise NotImplementedError


def write_json(*args, **kwargs):
    raise NotImplementedError
