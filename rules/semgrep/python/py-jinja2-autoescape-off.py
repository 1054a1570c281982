import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape

# ruleid: py-jinja2-autoescape-off
env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))

# ruleid: py-jinja2-autoescape-off
mail_env = Environment(loader=FileSystemLoader("mail"), autoescape=False)

# ok: py-jinja2-autoescape-off
safe_env = Environment(loader=FileSystemLoader("templates"), autoescape=True)

# ok: py-jinja2-autoescape-off
web_env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))

options = {"autoescape": True}
# ok: py-jinja2-autoescape-off
configured = Environment(**options)


class Environment2:
    def __init__(self, **kwargs):
        self.kwargs = kwargs


# ok: py-jinja2-autoescape-off
other = Environment2(loader=None)

# ruleid: py-jinja2-autoescape-off
legacy = jinja2.Environment(autoescape=None)
