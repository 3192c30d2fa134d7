// The Larkspur chat widget: Web Chat over this host's local Direct Line channel (polling, no WebSocket).
// The visitor's user id and latest token live in localStorage, so a returning visitor resumes the same
// conversation: the stored token (even expired) is the proof the server asks for before re-binding it.
(function () {
  'use strict';

  const SESSION_KEY = 'larkspur.chat.session';
  const OPEN_KEY = 'larkspur.chat.open';
  const DOMAIN = location.origin + '/v3/directline';

  const panel = document.querySelector('.chat-panel');
  const launcher = document.querySelector('.chat-launcher');
  const errorBox = document.querySelector('.chat-error');
  let started = null;

  function initials(name) {
    return name.split(/\s+/).filter(Boolean).slice(0, 2).map(w => w[0].toUpperCase()).join('') || 'AI';
  }

  // crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
  function newUserId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return 'v_' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  function loadSession() {
    try {
      const saved = JSON.parse(localStorage.getItem(SESSION_KEY) || 'null');
      return saved && typeof saved.userId === 'string' ? saved : null;
    } catch {
      return null;
    }
  }

  function saveSession(session) {
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  async function generate(userId, earlierToken) {
    const headers = { 'Content-Type': 'application/json' };
    if (earlierToken) {
      headers.Authorization = 'Bearer ' + earlierToken;
    }
    const response = await fetch(DOMAIN + '/tokens/generate', {
      method: 'POST',
      headers,
      body: JSON.stringify({ user: { id: userId } })
    });
    return response.ok ? { ok: true, grant: await response.json() } : { ok: false, status: response.status };
  }

  // Resume the stored conversation when its token still proves ownership; otherwise start afresh.
  async function getSession() {
    const saved = loadSession();
    if (saved && saved.token) {
      const resumed = await generate(saved.userId, saved.token);
      if (resumed.ok) {
        const session = { userId: saved.userId, token: resumed.grant.token, conversationId: resumed.grant.conversationId };
        saveSession(session);
        return session;
      }
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const userId = newUserId();
      const fresh = await generate(userId, null);
      if (fresh.ok) {
        const session = { userId, token: fresh.grant.token, conversationId: fresh.grant.conversationId };
        saveSession(session);
        return session;
      }
      if (fresh.status !== 409) {
        throw new Error('tokens/generate answered ' + fresh.status);
      }
    }
    throw new Error('Could not get a chat session.');
  }

  async function getConfig() {
    try {
      const response = await fetch('/api/config');
      if (response.ok) {
        return await response.json();
      }
    } catch {
      // The defaults in the page are fine.
    }
    return { botName: 'Larkspur Assistant' };
  }

  function loadWebChatScript() {
    if (window.WebChat) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = 'lib/webchat.js';
      script.onload = resolve;
      script.onerror = () => reject(new Error('webchat.js did not load'));
      document.head.appendChild(script);
    });
  }

  // Who the visitor is, when the page knows: a signed-in page sets data-visitor-type (prospect, free or customer),
  // data-visitor-name, data-visitor-email and data-visitor-company on the chat panel; ?visitor=customer (or free,
  // prospect) sets the type for trying it out. Sent with every message as channelData.visitor (docs/events.md): a
  // hint for greeting and routing, not proof of identity.
  function visitorInfo() {
    const data = panel.dataset;
    const visitor = {};
    const type = (new URLSearchParams(location.search).get('visitor') || data.visitorType || '').trim().toLowerCase();
    if (['prospect', 'free', 'customer'].includes(type)) {
      visitor.type = type;
    }
    for (const [key, value] of [['name', data.visitorName], ['email', data.visitorEmail], ['company', data.visitorCompany]]) {
      if (value && value.trim()) {
        visitor[key] = value.trim();
      }
    }
    return Object.keys(visitor).length > 0 ? visitor : null;
  }

  // The bot's links to this site are paths ("/#pricing", Qualification:SelfServeLinks). Web Chat renders a link it
  // cannot open as a non-wrapping citation button (cut off, next to an empty bullet): make them absolute on this page.
  function absoluteLinks(text) {
    return text.replace(/\]\((\/(?!\/)[^)\s]*)\)/g, (_, path) => '](' + location.origin + path + ')');
  }

  // Web Chat's store: every message the visitor sends carries channelData.visitor; the bot's site links become absolute.
  function createStore(visitor) {
    return window.WebChat.createStore({}, () => next => action => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && typeof action.payload?.activity?.text === 'string'
        && action.payload.activity.from?.role === 'bot') {
        const activity = action.payload.activity;
        action = { ...action, payload: { ...action.payload, activity: { ...activity, text: absoluteLinks(activity.text) } } };
      }
      if (visitor && action.type === 'DIRECT_LINE/POST_ACTIVITY') {
        const activity = action.payload.activity;
        action = {
          ...action,
          payload: { ...action.payload, activity: { ...activity, channelData: { ...activity.channelData, visitor } } }
        };
      }
      return next(action);
    });
  }

  async function startChat() {
    const [config, session] = await Promise.all([getConfig(), getSession(), loadWebChatScript()]);
    const botInitials = initials(config.botName);
    document.querySelectorAll('[data-bot-name]').forEach(el => { el.textContent = config.botName; });
    document.querySelectorAll('[data-bot-initials]').forEach(el => { el.textContent = botInitials; });

    const directLine = window.WebChat.createDirectLine({
      token: session.token,
      conversationId: session.conversationId,
      domain: DOMAIN,
      webSocket: false,
      pollingInterval: 300
    });

    window.WebChat.renderWebChat({
      directLine,
      store: createStore(visitorInfo()),
      userID: session.userId,
      locale: navigator.language || 'en-US',
      styleOptions: {
        accent: '#5b4bdb',
        backgroundColor: '#fbfaff',
        botAvatarInitials: botInitials,
        botAvatarBackgroundColor: '#5b4bdb',
        // No avatar on the visitor's side, as in most product chat widgets.
        userAvatarInitials: '',
        avatarSize: 32,
        bubbleBackground: '#ffffff',
        bubbleBorderColor: '#e4e1f5',
        bubbleBorderRadius: 14,
        bubbleFromUserBackground: '#5b4bdb',
        bubbleFromUserTextColor: '#ffffff',
        bubbleFromUserBorderColor: '#5b4bdb',
        bubbleFromUserBorderRadius: 14,
        bubbleNubSize: 0,
        bubbleFromUserNubSize: 0,
        hideUploadButton: true,
        sendBoxBackground: '#ffffff',
        sendBoxHeight: 52,
        sendBoxButtonColor: '#5b4bdb',
        sendBoxBorderTop: 'solid 1px #e4e1f5',
        suggestedActionBackgroundColor: '#ffffff',
        suggestedActionBorderColor: '#5b4bdb',
        suggestedActionTextColor: '#5b4bdb',
        suggestedActionBorderRadius: 999,
        // Wrap the buttons onto lines rather than a carousel whose arrows cover them in a narrow panel.
        suggestedActionLayout: 'flow',
        primaryFont: '"Inter", "Segoe UI", system-ui, sans-serif',
        rootHeight: '100%',
        rootWidth: '100%'
      }
    }, document.getElementById('webchat'));
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    localStorage.setItem(OPEN_KEY, '1');
    if (!started) {
      errorBox.hidden = true;
      started = startChat().catch(error => {
        console.error(error);
        errorBox.hidden = false;
        started = null;
      });
    }
    started && started.then(() => {
      const input = document.querySelector('[data-id="webchat-sendbox-input"]');
      input && input.focus();
    });
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    localStorage.removeItem(OPEN_KEY);
  }

  document.querySelectorAll('[data-open-chat]').forEach(el => el.addEventListener('click', open));
  document.querySelector('[data-close-chat]').addEventListener('click', close);
  if (localStorage.getItem(OPEN_KEY)) {
    open();
  }
})();
