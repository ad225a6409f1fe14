import { initAll as initGovUk } from '/lib/govuk/govuk-frontend.min.js'
import { initAll as initMoj } from '/lib/moj/moj-frontend.min.js'
import { initSessionTimeout } from '/js/session-timeout.js'

initGovUk()
initMoj()
initSessionTimeout()
