import { initAll as initGovUk } from '/lib/govuk/govuk-frontend.min.js'
import { initAll as initMoj } from '/lib/moj/moj-frontend.min.js'
import { initSessionTimeout } from '/js/session-timeout.js'

initGovUk()
initMoj()
initSessionTimeout()

// A print view's button prints the page (the page allows no inline script, so the button is wired up here).
for (const button of document.querySelectorAll('[data-print-page]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}

// The page is parsed and its components work: the browser tests wait for this, as a person waits for the page,
// instead of for the "load" event (which also waits for fonts and images and once in a while never came).
document.body.dataset.ready = 'true'
