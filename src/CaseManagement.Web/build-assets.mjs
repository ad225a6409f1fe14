// Copies the GOV.UK Frontend and MOJ Frontend files the layout uses from node_modules into wwwroot.
// Run by the project's build (see CaseManagement.Web.csproj), so a fresh clone needs no extra step.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const modules = join(here, 'node_modules')
const www = join(here, 'wwwroot')
const govuk = join(modules, 'govuk-frontend', 'dist', 'govuk')
const moj = join(modules, '@ministryofjustice', 'frontend', 'moj')

const copies = [
  [join(govuk, 'govuk-frontend.min.css'), join(www, 'lib', 'govuk', 'govuk-frontend.min.css')],
  [join(govuk, 'govuk-frontend.min.js'), join(www, 'lib', 'govuk', 'govuk-frontend.min.js')],
  [join(govuk, 'assets'), join(www, 'assets')],
  [join(moj, 'moj-frontend.min.css'), join(www, 'lib', 'moj', 'moj-frontend.min.css')],
  [join(moj, 'moj-frontend.min.js'), join(www, 'lib', 'moj', 'moj-frontend.min.js')],
  [join(moj, 'assets', 'images'), join(www, 'assets', 'images')]
]

rmSync(join(www, 'lib'), { recursive: true, force: true })
rmSync(join(www, 'assets'), { recursive: true, force: true })
for (const [from, to] of copies) {
  mkdirSync(dirname(to), { recursive: true })
  cpSync(from, to, { recursive: true })
}
writeFileSync(join(www, 'lib', '.stamp'), new Date().toISOString() + '\n')
console.log(`front-end assets copied to ${www}`)
