// Warns two minutes before an idle session ends, offers to stay signed in, and goes to the sign-in page when it ends.
// The lengths come from data attributes on <body>, written by the server from Security:IdleTimeoutMinutes.
export function initSessionTimeout () {
  const body = document.body
  const minutes = Number(body.dataset.sessionTimeoutMinutes)
  const dialog = document.getElementById('session-timeout-dialog')
  if (!minutes || !dialog) return

  const warnBefore = Math.min(2, minutes / 2) * 60 * 1000
  let warnTimer
  let endTimer

  const schedule = () => {
    clearTimeout(warnTimer)
    clearTimeout(endTimer)
    warnTimer = setTimeout(warn, minutes * 60 * 1000 - warnBefore)
    endTimer = setTimeout(() => { window.location.href = '/sign-in?timeout=true' }, minutes * 60 * 1000)
  }

  const warn = () => {
    dialog.showModal()
    dialog.querySelector('[data-session-stay]').focus()
  }

  dialog.querySelector('[data-session-stay]').addEventListener('click', async () => {
    const response = await fetch('/session/keep-alive', { credentials: 'same-origin' })
    dialog.close()
    if (response.ok) schedule()
    else window.location.href = '/sign-in?timeout=true'
  })

  schedule()
}
