// Enhancements only: every page works without this file.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

initAll();

/** Saves each form marked data-autosave as a draft through the web server (which saves it through the API). */
async function autosaveForms() {
  const forms = document.querySelectorAll('form[data-autosave]');
  for (const form of forms) {
    const body = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') body.append(key, value);
    try {
      const res = await fetch(form.dataset.autosave, {
        method: 'POST',
        body,
        headers: { 'x-autosave': '1', accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (res.ok) {
        const saved = await res.json();
        if (saved.evidenceId && form.elements.evidenceId) form.elements.evidenceId.value = saved.evidenceId;
        // The draft's revision moved on: the person's own Save must not look like someone else's change.
        if (saved.revision && form.elements.revision) form.elements.revision.value = saved.revision;
        if (saved.editUrl && form.dataset.autosave !== saved.autosaveUrl) {
          form.dataset.autosave = saved.autosaveUrl;
          form.action = saved.formAction;
          history.replaceState(null, '', saved.editUrl);
        }
        const status = form.querySelector('.app-autosave-status');
        if (status)
          status.textContent = `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
      }
    } catch {
      /* the next save, or the person's own Save, tries again */
    }
  }
}

/** The GOV.UK-style timeout warning: two minutes before the idle session ends, with a way to stay. */
function timeoutWarning() {
  const root = document.getElementById('timeout-warning');
  if (!root) return;
  const idle = Number(root.dataset.idleSeconds) * 1000;
  const warnBefore = Math.min(120_000, idle / 2);
  const dialog = root.querySelector('dialog');
  const countdown = root.querySelector('.app-timeout__countdown');
  let warnTimer, endTimer, tick;
  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    clearInterval(tick);
    warnTimer = setTimeout(show, idle - warnBefore);
    endTimer = setTimeout(async () => {
      await autosaveForms();
      window.location.href = '/sign-in?returnTo=' + encodeURIComponent(location.pathname + location.search);
    }, idle - 5_000);
  };
  const show = async () => {
    root.hidden = false;
    dialog.showModal();
    const endsAt = Date.now() + warnBefore;
    tick = setInterval(() => {
      const s = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      countdown.textContent = s >= 60 ? `${Math.ceil(s / 60)} minute${s > 60 ? 's' : ''}` : `${s} seconds`;
    }, 1000);
    await autosaveForms();
  };
  root.querySelector('.app-timeout__stay').addEventListener('click', async () => {
    const csrf = document.querySelector('input[name=_csrf]');
    await fetch('/session/keep-alive', {
      method: 'POST',
      headers: { 'x-csrf-token': csrf ? csrf.value : '', accept: 'application/json' },
      credentials: 'same-origin',
    });
    dialog.close();
    root.hidden = true;
    schedule();
  });
  schedule();
}

timeoutWarning();
