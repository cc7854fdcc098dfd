"""(Skeleton: being written.)"""


def story_html(*args, **kwargs):
    raise NotImplementedError


def write_story(*args, **kwargs):
    raise NotImplementedError
