// The submit flow shared by the forms that save a document over the version read (clinic contracts, the roster):
// checks first (nothing is sent while any fails: each message listed, each field marked), then the save; a 412 (changed
// or created meanwhile) is said in words with the form's "Reload"; any other refusal shows the API's problem detail. The
// form keeps what was typed on every failure. Elements by class: .error, .conflict (a span and a reload button), .ok.
export function onVersionedSubmit(f, { check, save, conflictText }) {
  const error = f.querySelector(".error");
  const conflict = f.querySelector(".conflict");
  const status = f.querySelector(".ok");
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = ""; status.textContent = ""; conflict.hidden = true;
    f.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    const problems = check();
    if (problems.length > 0) {
      problems.forEach(([el]) => el.setAttribute("aria-invalid", "true"));
      error.textContent = problems.map(([, message]) => message).join("\n");
      return;
    }
    const button = f.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await save();
    } catch (err) {
      if (err.status === 412) {
        conflict.querySelector("span").textContent = conflictText();
        conflict.hidden = false;
      } else {
        error.textContent = err.message;
      }
    } finally {
      button.disabled = false;
    }
  });
}
