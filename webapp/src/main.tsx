/** Start-up: launch parameters, theme and the Telegram bridge, then the app. */
import { render } from "preact";
import { App } from "./app.js";
import "./style.css";
import { applyTheme, installBridge, onEvent, postEvent, readLaunchParams } from "./telegram.js";

const launch = readLaunchParams();
installBridge();
applyTheme(launch.theme);
onEvent("theme_changed", (data) =>
  applyTheme((data as { theme_params?: Record<string, string> })?.theme_params ?? {}),
);
render(<App launch={launch} />, document.getElementById("app") as HTMLElement);
postEvent("web_app_ready");
postEvent("web_app_expand");
