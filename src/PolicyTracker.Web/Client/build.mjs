// Bundles the browser entry points into the output folder given as the first argument.
import { build } from "esbuild";

const outdir = process.argv[2] ?? "../../../wwwroot/dist/";

await build({
  entryPoints: ["src/site.js"],
  bundle: true,
  format: "esm",
  target: "es2020",
  sourcemap: true,
  outdir,
  logLevel: "warning",
});
