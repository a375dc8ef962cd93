// The setup key's copy button: copies the key without its spaces, says so in a live region.
// Without JavaScript the button stays hidden and the key can be selected by hand.
"use strict";

for (const button of document.querySelectorAll("button[data-copy]")) {
  const target = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.status);
  if (!target || !status) {
    continue;
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    const text = target.textContent.replace(/\s+/g, "");
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = button.dataset.done;
    } catch (error) {
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = button.dataset.failed;
    }
  });
}
