// The JupyterLab 4 application of the browser test: the plugins of the
// packages package.json lists under jupyterlab.extensions, the debugger's
// among them, started in the page main.py serves.

import { JupyterLab } from "@jupyterlab/application";
import { PageConfig } from "@jupyterlab/coreutils";

// Assets load from where the server says its static files are.
// eslint-disable-next-line no-undef
__webpack_public_path__ = PageConfig.getOption("fullStaticUrl") + "/";

// Written by @jupyterlab/builder (webpack.config.js): every extension's CSS.
const styles = import("./build/style.js");

// Plugins whose tokens this application has no provider for are left out.
const withoutLanguageServer = (m) => m.default.filter(({ id }) => !id.includes(":language-server"));

const plugins = [
  import("@jupyterlab/application-extension"),
  import("@jupyterlab/apputils-extension"),
  import("@jupyterlab/celltags-extension"),
  import("@jupyterlab/codemirror-extension"),
  import("@jupyterlab/completer-extension"),
  import("@jupyterlab/console-extension"),
  import("@jupyterlab/csvviewer-extension"),
  import("@jupyterlab/debugger-extension"),
  import("@jupyterlab/docmanager-extension"),
  import("@jupyterlab/documentsearch-extension"),
  import("@jupyterlab/filebrowser-extension"),
  import("@jupyterlab/fileeditor-extension").then(withoutLanguageServer),
  import("@jupyterlab/help-extension"),
  import("@jupyterlab/imageviewer-extension"),
  import("@jupyterlab/inspector-extension"),
  import("@jupyterlab/launcher-extension"),
  import("@jupyterlab/mainmenu-extension"),
  import("@jupyterlab/markdownviewer-extension"),
  import("@jupyterlab/markedparser-extension"),
  import("@jupyterlab/mathjax-extension"),
  import("@jupyterlab/metadataform-extension"),
  import("@jupyterlab/notebook-extension").then(withoutLanguageServer),
  import("@jupyterlab/rendermime-extension"),
  import("@jupyterlab/running-extension"),
  import("@jupyterlab/settingeditor-extension"),
  import("@jupyterlab/shortcuts-extension"),
  import("@jupyterlab/statusbar-extension"),
  import("@jupyterlab/theme-dark-extension"),
  import("@jupyterlab/theme-light-extension"),
  import("@jupyterlab/toc-extension"),
  import("@jupyterlab/tooltip-extension"),
  import("@jupyterlab/translation-extension"),
  import("@jupyterlab/ui-components-extension"),
];

const mimeRenderers = [import("@jupyterlab/json-extension"), import("@jupyterlab/pdf-extension")];

window.addEventListener("load", async () => {
  await styles;
  const lab = new JupyterLab({ mimeExtensions: await Promise.all(mimeRenderers) });
  lab.registerPluginModules(await Promise.all(plugins));
  await lab.start();
  await lab.restored;
});
