// Bundles index.js into build/ (npx webpack), and has @jupyterlab/builder
// copy the extensions' settings schemas, themes and styles next to it,
// where main.py serves them.
const webpack = require("webpack");
const { Build } = require("@jupyterlab/builder");
const svgToDataURI = require("mini-svg-data-uri");
const { jupyterlab } = require("./package.json");

const assets = Build.ensureAssets({ packageNames: jupyterlab.extensions, output: "./build" });

module.exports = [
  {
    entry: ["./index.js"],
    output: { path: __dirname + "/build", filename: "bundle.js" },
    bail: true,
    mode: "development",
    devtool: false,
    module: {
      rules: [
        // Some dependencies' ES modules import files without extensions.
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.css$/, use: ["style-loader", "css-loader"] },
        { test: /\.(html|jpg|png|gif|eot)$/, type: "asset/resource" },
        { test: /\.md$/, type: "asset/source" },
        { test: /\.(woff2?|ttf)$/, type: "asset" },
        // An SVG is a data URI in CSS, its markup in JavaScript (icons).
        {
          test: /\.svg$/,
          issuer: /\.css$/,
          type: "asset/inline",
          generator: { dataUrl: (content) => svgToDataURI(content.toString()) },
        },
        { test: /\.svg$/, issuer: /\.js$/, type: "asset/source" },
      ],
    },
    // Some dependencies call process.cwd().
    plugins: [new webpack.DefinePlugin({ process: { cwd: () => "/", env: {} } })],
  },
].concat(assets);
