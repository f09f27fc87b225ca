"""JupyterLab 4 for the browser test: the application bundled in build/ from
pinned npm packages (package.json, webpack.config.js, as JupyterLab's own
examples/app does), served by Debian's jupyter_server and jupyterlab_server.

Usage: python3 main.py --port=PORT --ServerApp.token=TOKEN
           --ServerApp.root_dir=DIR (other jupyter_server options)
"""

import json
import os

from jupyterlab_server import LabServerApp

HERE = os.path.dirname(os.path.abspath(__file__))

# Configuration files on the machine do not change the app under test.
os.environ["JUPYTER_NO_CONFIG"] = "1"

with open(os.path.join(HERE, "package.json")) as f:
    VERSION = json.load(f)["version"]


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": GoparLab}]


class GoparLab(LabServerApp):
    extension_url = "/lab"
    default_url = "/lab"
    name = __name__
    load_other_extensions = False
    app_name = "JupyterLab"
    app_version = VERSION
    app_settings_dir = os.path.join(HERE, "build", "application_settings")
    schemas_dir = os.path.join(HERE, "build", "schemas")
    static_dir = os.path.join(HERE, "build")
    templates_dir = os.path.join(HERE, "templates")
    themes_dir = os.path.join(HERE, "build", "themes")
    user_settings_dir = os.path.join(HERE, "build", "user_settings")
    workspaces_dir = os.path.join(HERE, "build", "workspaces")

    def initialize_settings(self):
        super().initialize_settings()
        self.serverapp.web_app.settings["terminals_available"] = False


if __name__ == "__main__":
    GoparLab.launch_instance()
