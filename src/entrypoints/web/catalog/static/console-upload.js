// The console's pictures (_picture_upload.html.j2): a chosen file goes straight to storage.
// The console gives a signed URL for it (POST /console/settings/uploads, with the page's
// form token), the file is PUT there with its progress on the bar (XMLHttpRequest's upload
// events: fetch has none), and the form then carries the upload's id instead of the file.
// The form's submit waits while a file is on its way. Without script the form sends the
// file itself.
"use strict";

(() => {
  function say(status, text) {
    status.textContent = text;
  }

  function put(ticket, file, bar, status) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open(ticket.method, ticket.url);
      for (const [name, value] of Object.entries(ticket.headers)) request.setRequestHeader(name, value);
      request.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        const percent = Math.floor((event.loaded * 100) / event.total);
        bar.value = percent;
        say(status, status.dataset.uploading.replace("{percent}", String(percent)));
      });
      request.addEventListener("load", () =>
        request.status >= 200 && request.status < 300 ? resolve() : reject(new Error(String(request.status))),
      );
      request.addEventListener("error", () => reject(new Error("network")));
      request.send(file);
    });
  }

  async function ticketFor(form, purpose, file) {
    const body = new URLSearchParams({
      form_token: form.elements.form_token.value,
      purpose,
      content_type: file.type,
      size: String(file.size),
    });
    const answer = await fetch("/console/settings/uploads", { method: "POST", body, credentials: "same-origin" });
    const ticket = await answer.json();
    if (!answer.ok) throw new Error(ticket.problem || String(answer.status));
    return ticket;
  }

  for (const box of document.querySelectorAll("[data-upload]")) {
    const form = box.closest("form");
    const input = box.querySelector("input[type=file]");
    const id = box.querySelector("input[name=upload_id]");
    const bar = box.querySelector("progress");
    const status = box.querySelector(".upload-status");
    const submit = form.querySelector("button[type=submit]");
    input.addEventListener("change", async () => {
      const file = input.files[0];
      if (!file) return;
      id.value = "";
      input.name = "file";
      submit.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      say(status, status.dataset.uploading.replace("{percent}", "0"));
      try {
        const ticket = await ticketFor(form, box.dataset.upload, file);
        await put(ticket, file, bar, status);
        id.value = ticket.uploadId;
        input.removeAttribute("name"); // the file is in storage: the form sends its id, not the bytes again
        bar.value = 100;
        say(status, status.dataset.done);
      } catch (error) {
        bar.hidden = true;
        say(status, `${status.dataset.failed} (${error.message})`);
      } finally {
        submit.disabled = false;
      }
    });
  }
})();
