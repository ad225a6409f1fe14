// The document upload form works as a plain form; with script, a file can also be dropped on it, and a bar shows how
// much of the file has been sent. The server's answer is followed as the form's would be: the list after an upload,
// or, when something is wrong, the form sent again the plain way so that the page shows its messages.
for (const form of document.querySelectorAll('[data-module="app-upload"]')) {
  const input = form.querySelector('input[type="file"]')
  const drop = form.querySelector('[data-upload-drop]')
  const progress = form.querySelector('[data-upload-progress]')
  if (!input || !drop || !progress || typeof DataTransfer === 'undefined') {
    continue
  }

  drop.hidden = false
  const over = (on) => (event) => {
    event.preventDefault()
    drop.classList.toggle('app-upload__drop--over', on)
  }
  drop.addEventListener('dragover', over(true))
  drop.addEventListener('dragleave', over(false))
  drop.addEventListener('drop', (event) => {
    over(false)(event)
    const file = event.dataTransfer?.files?.[0]
    if (file) {
      const chosen = new DataTransfer()
      chosen.items.add(file)
      input.files = chosen.files
      drop.textContent = file.name
    }
  })

  let sending = false
  form.addEventListener('submit', (event) => {
    if (sending || !input.files?.length) {
      return
    }

    event.preventDefault()
    sending = true
    progress.hidden = false
    const request = new XMLHttpRequest()
    request.open('POST', form.action || window.location.href)
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded * 100) / e.total)
      }
    })
    request.addEventListener('load', () => {
      const to = request.responseURL
      if (request.status === 200 && to && to !== new URL(form.action || window.location.href, window.location.href).href) {
        window.location.assign(to)
      } else {
        HTMLFormElement.prototype.submit.call(form)
      }
    })
    request.addEventListener('error', () => HTMLFormElement.prototype.submit.call(form))
    request.send(new FormData(form))
  })
}
