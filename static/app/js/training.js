// Live training sessions: keep the room's screen and participants' phones up to date where
// JavaScript runs. Loaded as an external ES module (no inline script, so a strict Content
// Security Policy works). Without JavaScript every page still works: each has a Refresh link.
//
// - [data-poll-panel="URL"]: the trainer's screen. Every few seconds the panel URL returns
//   HTML with [data-poll-region] parts (who has joined, the votes); each replaces the part of
//   the page with the same name.
// - [data-poll-state="URL"][data-state]: a participant's screen. Every few seconds the state
//   URL returns {"state": "..."}; when it differs from the page's, the page reloads to show
//   what the trainer has moved on to.

const DEFAULT_SECONDS = 3
const MAX_FAILURES = 20

function intervalOf (element) {
  const seconds = Number.parseInt(element.dataset.pollSeconds, 10)
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_SECONDS) * 1000
}

async function fetchFresh (url, accept) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: accept }
  })
  // A redirect means the session or the sign-in has gone: stop rather than show another page.
  if (!response.ok || response.redirected) {
    throw new Error(`${url}: ${response.status}`)
  }
  return response
}

function poll (element, url, update) {
  let failures = 0
  const every = intervalOf(element)
  const tick = async () => {
    if (document.visibilityState === 'hidden') {
      window.setTimeout(tick, every)
      return
    }
    try {
      await update(url)
      failures = 0
    } catch (error) {
      failures += 1
      if (failures >= MAX_FAILURES) return // give up quietly: the Refresh link still works
    }
    window.setTimeout(tick, every * Math.min(1 + failures, 5))
  }
  window.setTimeout(tick, every)
}

for (const panel of document.querySelectorAll('[data-poll-panel]')) {
  poll(panel, panel.dataset.pollPanel, async (url) => {
    const html = await (await fetchFresh(url, 'text/html')).text()
    const fresh = new DOMParser().parseFromString(html, 'text/html')
    for (const region of panel.querySelectorAll('[data-poll-region]')) {
      const name = region.dataset.pollRegion
      const replacement = fresh.querySelector(`[data-poll-region="${CSS.escape(name)}"]`)
      if (replacement && replacement.innerHTML !== region.innerHTML) {
        region.replaceChildren(...replacement.childNodes)
      }
    }
  })
}

for (const page of document.querySelectorAll('[data-poll-state]')) {
  const current = page.dataset.state
  poll(page, page.dataset.pollState, async (url) => {
    const { state } = await (await fetchFresh(url, 'application/json')).json()
    if (state !== current) {
      window.location.replace(window.location.pathname)
    }
  })
}
