// Starts GOV.UK Frontend's components and CareCycle's few additions. Every page works without
// this script; it only adds to them. No inline script anywhere: the Content-Security-Policy
// forbids it.
// GOV.UK Frontend's address holds its version (so browsers can keep it for a year); the page
// gives it, as an ES module import cannot be rewritten by the server.
const { initAll } = await import(document.querySelector('meta[name="govuk-frontend-script"]').content)

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
initTimeoutWarning(document.getElementById('timeout-warning'))

/**
 * Warns a signed-in user shortly before their session times out, lets them stay signed in
 * (which asks the server to keep the session) and signs them out when the time is up, before
 * the server forgets them, so the sign-in page can say why.
 */
function initTimeoutWarning (dialog) {
  if (!dialog || typeof dialog.showModal !== 'function') {
    return
  }
  const timeout = Number(dialog.dataset.timeoutSeconds) * 1000
  const warning = Number(dialog.dataset.warningSeconds) * 1000
  const countdown = dialog.querySelector('.carecycle-timeout__countdown')
  const csrfToken = document.querySelector('meta[name="csrf-token"]')
  const csrfHeader = document.querySelector('meta[name="csrf-header"]')
  let deadline = 0
  let warningTimer
  let endTimer
  let tickTimer

  function describe (milliseconds) {
    const seconds = Math.max(0, Math.ceil(milliseconds / 1000))
    if (seconds > 90) {
      return dialog.dataset.textMinutes.replace('{0}', Math.ceil(seconds / 60))
    }
    if (seconds > 59) {
      return dialog.dataset.textMinute
    }
    return dialog.dataset.textSeconds.replace('{0}', Math.ceil(seconds / 20) * 20)
  }

  function tick () {
    countdown.textContent = describe(deadline - Date.now())
  }

  function start () {
    clearTimeout(warningTimer)
    clearTimeout(endTimer)
    clearInterval(tickTimer)
    deadline = Date.now() + timeout - 5000
    warningTimer = setTimeout(() => {
      tick()
      tickTimer = setInterval(tick, 20000)
      dialog.showModal()
    }, Math.max(0, timeout - warning - 5000))
    endTimer = setTimeout(() => {
      document.getElementById('timeout-sign-out-form').submit()
    }, Math.max(0, timeout - 5000))
  }

  dialog.querySelector('[data-timeout-action="stay"]').addEventListener('click', async () => {
    const headers = {}
    if (csrfToken && csrfHeader) {
      headers[csrfHeader.content] = csrfToken.content
    }
    const response = await fetch(dialog.dataset.keepAliveUrl, { method: 'POST', headers, credentials: 'same-origin' })
    dialog.close()
    if (response.ok) {
      start()
    } else {
      window.location.reload()
    }
  })
  // Escape means "stay signed in", as closing the warning any other way would.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    dialog.querySelector('[data-timeout-action="stay"]').click()
  })
  start()
  dialog.dataset.ready = 'true'
}

initImportProgress(document.getElementById('import-progress'))

/**
 * Keeps an import's progress page up to date while the import runs, and reloads it when the
 * import finishes so that its result and report appear. Without JavaScript the page has a
 * "Check progress" link instead.
 */
function initImportProgress (panel) {
  if (!panel || panel.dataset.finished === 'true') {
    return
  }
  const format = new Intl.NumberFormat('en-GB')
  async function poll () {
    try {
      const response = await fetch(panel.dataset.progressUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      if (!response.ok) {
        return
      }
      const progress = await response.json()
      if (progress.finished) {
        window.location.reload()
        return
      }
      panel.querySelectorAll('[data-count]').forEach((cell) => {
        const value = progress[cell.dataset.count]
        if (typeof value === 'number') {
          cell.textContent = format.format(value)
        }
      })
    } finally {
      setTimeout(poll, 2000)
    }
  }
  setTimeout(poll, 1000)
}
