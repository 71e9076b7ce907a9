import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { startMocks } from "./mocks";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

void startMocks().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
