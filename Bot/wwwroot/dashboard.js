// The metrics dashboard: reads /api/metrics with the access key and draws it with Chart.js (served from /lib,
// so it works offline). The key arrives once as ?key=, is kept in sessionStorage and sent as X-Access-Key;
// it is removed from the address bar so it does not linger in history or get shared with a link.
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  if (params.has('key')) {
    sessionStorage.setItem('metricsKey', params.get('key'));
    params.delete('key');
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : ''));
  }
  const key = sessionStorage.getItem('metricsKey') || '';
  const demo = params.get('demo') === '1' || params.get('demo') === 'true';

  const colors = { deflection: '#4f46e5', passThrough: '#0891b2', csat: '#16a34a', response: '#ea580c', abandonment: '#b91c1c', faq: '#7c3aed' };
  const charts = [];
  Chart.defaults.animation = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#4b5563';

  const pct = v => v === null || v === undefined ? '—' : (v * 100).toFixed(v === 1 || v === 0 ? 0 : 1) + '%';
  const secs = v => v === null || v === undefined ? '—' : (v < 100 ? v.toFixed(1) : Math.round(v)) + ' s';
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };

  function query(withTeam = true) {
    const q = new URLSearchParams();
    for (const name of withTeam ? ['from', 'to', 'team'] : ['from', 'to']) if (params.get(name)) q.set(name, params.get(name));
    if (demo) q.set('demo', '1');
    return q.toString();
  }

  async function api(path) {
    const response = await fetch(path, { headers: { 'X-Access-Key': key }, cache: 'no-store' });
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try { message = (await response.json()).error || message; } catch { /* not JSON */ }
      if (response.status === 401) message += ' Open /dashboard?key=YOUR_KEY.';
      throw new Error(message);
    }
    return response;
  }

  function showError(message) {
    const box = document.getElementById('error');
    box.textContent = message;
    box.hidden = false;
    document.body.dataset.state = 'error';
  }

  // A card for a rate against its target: green when the target is met.
  function card(container, label, ratio, target, detail) {
    const c = el('div', 'card');
    const rate = ratio ? ratio.rate : null;
    c.append(el('div', 'label', label), el('div', 'value', pct(rate)));
    if (target !== undefined) {
      const met = rate !== null && rate >= target;
      c.classList.add(rate === null ? 'none' : met ? 'good' : 'bad');
      c.append(el('div', 'target status', `target ${pct(target)} · ${rate === null ? 'no data' : met ? 'met' : 'below'}`));
    }
    c.append(el('div', 'note', detail || (ratio ? `${ratio.count} of ${ratio.total}` : '')));
    container.append(c);
  }

  function plain(container, label, value, detail) {
    const c = el('div', 'card');
    c.append(el('div', 'label', label), el('div', 'value', value), el('div', 'note', detail || ''));
    container.append(c);
  }

  function trend(container, title, days, field, color, target) {
    const box = el('div');
    box.append(el('h2', null, title));
    const holder = el('div', 'trend');
    const canvas = el('canvas');
    holder.append(canvas);
    box.append(holder);
    container.append(box);
    const datasets = [{ label: title, data: days.map(d => d[field] === null ? null : d[field] * 100), borderColor: color, backgroundColor: color, pointRadius: 2, spanGaps: true, tension: 0.2 }];
    if (target !== undefined) {
      datasets.push({ label: 'target', data: days.map(() => target * 100), borderColor: '#9ca3af', borderDash: [5, 4], pointRadius: 0, borderWidth: 1 });
    }
    charts.push(new Chart(canvas, {
      type: 'line',
      data: { labels: days.map(d => d.date.slice(5)), datasets },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: c => c.dataset.label + ': ' + (c.parsed.y === null ? '—' : c.parsed.y.toFixed(1) + '%') } } },
        scales: { y: { min: 0, max: 100, ticks: { callback: v => v + '%' } }, x: { offset: days.length === 1, ticks: { maxTicksLimit: 8 } } },
      },
    }));
  }

  // Draws the response target as a vertical line at the bin edge it falls on.
  const targetLine = {
    id: 'targetLine',
    afterDatasetsDraw(chart, _args, options) {
      if (options.index === undefined) return;
      const x = chart.scales.x;
      const left = x.getPixelForValue(options.index - 1), right = x.getPixelForValue(options.index);
      const at = (left + right) / 2;
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#b91c1c'; ctx.lineWidth = 2; ctx.setLineDash([6, 4]);
      ctx.beginPath(); ctx.moveTo(at, top); ctx.lineTo(at, bottom); ctx.stroke();
      ctx.setLineDash([]); ctx.fillStyle = '#b91c1c'; ctx.font = 'bold 12px sans-serif';
      ctx.fillText(options.label, at + 4, top + 12);
      ctx.restore();
    },
  };

  function histogram(rt, target) {
    const bins = rt.histogram;
    const labels = bins.map(b => b.toSeconds === null ? `> ${b.fromSeconds}` : `${b.fromSeconds}–${b.toSeconds}`);
    // The line sits between the bin ending at the target and the next one.
    const edge = bins.findIndex(b => b.fromSeconds === target);
    document.getElementById('histogram-note').textContent =
      `${rt.answered} answered of ${rt.requests} requests (${rt.unanswered} never answered, counted as misses). ` +
      `Within ${target} s: ${pct(rt.withinTarget.rate)} · median ${secs(rt.medianSeconds)} · p90 ${secs(rt.p90Seconds)}.`;
    charts.push(new Chart(document.getElementById('histogram'), {
      type: 'bar',
      data: { labels, datasets: [{ label: 'first replies', data: bins.map(b => b.count), backgroundColor: bins.map(b => b.toSeconds !== null && b.toSeconds <= target ? '#16a34a' : '#f59e0b') }] },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, targetLine: { index: edge, label: `${target} s target` } },
        scales: { x: { title: { display: true, text: 'seconds from request to the coach\u2019s first message' } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
      plugins: [targetLine],
    }));
  }

  function csatChart(csat, target) {
    document.getElementById('csat-note').textContent =
      `Conversations whose last rating is positive, of all rated. Bot only: ${csat.botOnly.count} of ${csat.botOnly.total}; coach-handled: ${csat.coachHandled.count} of ${csat.coachHandled.total}.`;
    const rows = [['Overall', csat.overall], ['Bot only', csat.botOnly], ['Coach-handled', csat.coachHandled]];
    charts.push(new Chart(document.getElementById('csat'), {
      type: 'bar',
      data: {
        labels: rows.map(r => r[0]),
        datasets: [
          { label: 'positive %', data: rows.map(r => r[1].rate === null ? null : r[1].rate * 100), backgroundColor: ['#64748b', '#4f46e5', '#0891b2'] },
          { type: 'line', label: 'target', data: rows.map(() => target * 100), borderColor: '#9ca3af', borderDash: [5, 4], pointRadius: 0, borderWidth: 1 },
        ],
      },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { min: 0, max: 100, ticks: { callback: v => v + '%' } } },
      },
    }));
  }

  function render(data) {
    const m = data.metrics, t = data.targets;
    document.getElementById('demo-banner').hidden = !data.demo;
    if (data.demo) document.title = 'DEMO DATA · ' + document.title;
    document.getElementById('range-label').textContent =
      `${data.from} to ${data.to} (UTC)${data.team ? ' · team ' + data.team : ' · all teams'}`;

    const headline = document.getElementById('headline');
    card(headline, 'Deflection rate', m.deflection, t.deflection, `${m.deflection.count} of ${m.engagements} engagements without a coach`);
    card(headline, 'Pass-through rate', m.passThrough, t.passThrough, `${m.passThrough.count} of ${m.chatsHandled} handled chats qualified`);
    card(headline, 'CSAT', m.csat.overall, t.csat, `${m.csat.overall.count} positive of ${m.csat.overall.total}`);
    card(headline, `Answered within ${t.responseTargetSeconds} s`, m.responseTime.withinTarget, t.responseGoal,
      `${m.responseTime.withinTarget.count} of ${m.responseTime.requests} handoff requests`);

    const secondary = document.getElementById('secondary');
    plain(secondary, 'Engagements', String(m.engagements), 'conversations where the visitor wrote');
    plain(secondary, 'Chats handled', String(m.chatsHandled), 'a coach accepted and replied');
    plain(secondary, 'First response', `${secs(m.responseTime.medianSeconds)}`, `median · p90 ${secs(m.responseTime.p90Seconds)}`);
    card(secondary, 'Queue abandonment', m.queue.abandoned);
    plain(secondary, 'Missed handoffs', String(m.queue.missed.count), `${pct(m.queue.missed.rate)} of requests`);
    card(secondary, 'FAQ answer rate', m.faqAnswers);

    const trends = document.getElementById('trends');
    trend(trends, 'Deflection rate', m.daily, 'deflectionRate', colors.deflection, t.deflection);
    trend(trends, 'Pass-through rate', m.daily, 'passThroughRate', colors.passThrough, t.passThrough);
    trend(trends, 'CSAT', m.daily, 'csatRate', colors.csat, t.csat);
    trend(trends, `Answered within ${t.responseTargetSeconds} s`, m.daily, 'responseWithinTargetShare', colors.response, t.responseGoal);
    trend(trends, 'Queue abandonment', m.daily, 'abandonmentRate', colors.abandonment);
    trend(trends, 'FAQ answer rate', m.daily, 'faqAnswerRate', colors.faq);

    histogram(m.responseTime, t.responseTargetSeconds);
    csatChart(m.csat, t.csat);

    const body = document.querySelector('#unanswered tbody');
    if (m.topUnanswered.length === 0) {
      const row = el('tr'); const cell = el('td', null, 'No unanswered questions in this range.'); cell.colSpan = 3; row.append(cell); body.append(row);
    }
    m.topUnanswered.forEach((q, i) => {
      const row = el('tr');
      // textContent: a visitor's question is never HTML.
      row.append(el('td', null, String(i + 1)), el('td', null, q.question), el('td', null, String(q.count)));
      body.append(row);
    });
  }

  async function download(path, fallbackName, withTeam) {
    try {
      const response = await api(path + '?' + query(withTeam));
      const blob = await response.blob();
      const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      const link = el('a');
      link.href = URL.createObjectURL(blob);
      link.download = match ? match[1] : fallbackName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    } catch (e) {
      showError(e.message);
    }
  }

  async function load() {
    if (demo) document.getElementById('demo-banner').hidden = false;
    try {
      const data = await (await api('/api/metrics?' + query())).json();
      const form = document.getElementById('range');
      form.from.value = data.from; form.to.value = data.to; form.team.value = data.team || '';
      render(data);
      document.body.dataset.state = 'ready';
    } catch (e) {
      showError(e.message);
    }
  }

  document.getElementById('range').addEventListener('submit', e => {
    e.preventDefault();
    const f = e.target, q = new URLSearchParams();
    q.set('from', f.from.value); q.set('to', f.to.value);
    if (f.team.value) q.set('team', f.team.value);
    if (demo) q.set('demo', '1');
    location.search = q.toString();
  });
  document.getElementById('csv-events').addEventListener('click', () => download('/api/metrics/events.csv', 'events.csv', false));
  document.getElementById('csv-daily').addEventListener('click', () => download('/api/metrics/daily.csv', 'daily.csv', true));
  load();
})();
