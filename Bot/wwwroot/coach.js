// The coach console: Web Chat bound to the coach's own agent conversation ("coach:<id>" on the local Direct
// Line channel, token from /api/coach/token for the coach's console key), and a queue panel polled from
// /api/coach/queue. Buttons send the same commands a coach can type (accept 12, end qualified, away...).
(function () {
  'use strict';

  const KEY = 'larkspur.coach.key';
  const loginForm = document.querySelector('[data-login]');
  const loginError = document.querySelector('[data-login-error]');
  const consoleEl = document.querySelector('[data-console]');
  const me = document.querySelector('[data-me]');
  let store = null;
  let pollTimer = null;

  function send(text) {
    if (store) {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text } });
    }
  }

  function waited(seconds) {
    return seconds >= 60 ? `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
  }

  function renderQueue(data) {
    document.querySelector('[data-coach-name]').textContent = data.coach.name;
    document.querySelector('[data-coach-team]').textContent = data.coach.team;
    const status = document.querySelector('[data-status]');
    status.textContent = data.coach.status;
    status.className = 'status ' + data.coach.status;

    const list = document.querySelector('[data-requests]');
    list.replaceChildren(...data.waiting.map(request => {
      const item = document.createElement('li');
      item.dataset.ticket = request.ticket;
      const head = document.createElement('div');
      head.className = 'head';
      const title = document.createElement('span');
      title.textContent = `#${request.ticket} · ${request.team} · ${waited(request.waitingSeconds)}`;
      const accept = document.createElement('button');
      accept.type = 'button';
      accept.className = 'primary';
      accept.textContent = 'Accept';
      accept.dataset.accept = request.ticket;
      accept.addEventListener('click', () => send('accept ' + request.ticket));
      head.append(title, accept);
      const details = document.createElement('p');
      details.className = 'details';
      details.textContent = [request.visitorName, request.visitorType, request.intent, request.reason, request.qualificationSummary]
        .filter(Boolean).join(' · ') || 'No details from the bot.';
      const last = document.createElement('p');
      last.className = 'last';
      last.textContent = request.lastMessages.length ? request.lastMessages.map(m => `“${m}”`).join(' / ') : '(nothing yet)';
      item.append(head, details, last);
      return item;
    }));
    document.querySelector('[data-count]').textContent = data.waiting.length;
    document.querySelector('[data-empty]').hidden = data.waiting.length > 0;
    const actions = document.querySelector('[data-chat-actions]');
    actions.hidden = data.coach.activeTicket == null;
    document.querySelector('[data-active]').textContent = data.coach.activeTicket == null ? '' : '#' + data.coach.activeTicket;
  }

  async function poll(key) {
    try {
      // A refresh that hangs must not stop the next one: each is also the console's sign of life (coach presence).
      const response = await fetch('/api/coach/queue', { headers: { 'X-Coach-Key': key }, signal: AbortSignal.timeout(10000) });
      if (response.status === 401) {
        signOut('Your console key is no longer valid.');
        return;
      }
      if (response.ok) {
        renderQueue(await response.json());
      }
    } catch {
      // The next poll tries again.
    }
    pollTimer = setTimeout(() => poll(key), 1500);
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    clearTimeout(pollTimer);
    consoleEl.hidden = true;
    me.hidden = true;
    loginForm.hidden = false;
    loginError.textContent = message;
    loginError.hidden = !message;
  }

  async function start(key) {
    const response = await fetch('/api/coach/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key })
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      signOut(body.error || 'The console is unavailable.');
      return;
    }
    const grant = await response.json();
    sessionStorage.setItem(KEY, key);
    loginForm.hidden = true;
    consoleEl.hidden = false;
    me.hidden = false;

    // Once connected, say hello so the bot knows where to alert this coach.
    store = window.WebChat.createStore({}, ({ dispatch }) => next => action => {
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'coach.hello', value: {} } });
      }
      return next(action);
    });
    const directLine = window.WebChat.createDirectLine({
      token: grant.token,
      conversationId: grant.conversationId,
      domain: location.origin + '/v3/directline',
      webSocket: false,
      pollingInterval: 300
    });
    window.WebChat.renderWebChat({
      directLine,
      store,
      userID: grant.userId,
      username: grant.coach.name,
      styleOptions: {
        accent: '#5b4bdb',
        botAvatarInitials: 'LA',
        botAvatarBackgroundColor: '#5b4bdb',
        hideUploadButton: true,
        bubbleFromUserBackground: '#5b4bdb',
        bubbleFromUserTextColor: '#ffffff',
        rootHeight: '100%'
      }
    }, document.getElementById('webchat'));
    poll(key);
  }

  loginForm.addEventListener('submit', event => {
    event.preventDefault();
    start(loginForm.key.value.trim());
  });
  document.querySelectorAll('[data-command]').forEach(button => button.addEventListener('click', () => send(button.dataset.command)));
  const saved = sessionStorage.getItem(KEY);
  if (saved) {
    start(saved);
  }
})();
