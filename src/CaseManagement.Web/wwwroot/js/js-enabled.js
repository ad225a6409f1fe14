// Runs first in <body> so that GOV.UK Frontend styles for JavaScript-enabled pages apply before anything paints.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
