// EdgeMEC dashboard: renders the snapshots of /dashboard/v1/events (Server-Sent Events). No libraries.
'use strict';

const token = new URLSearchParams(location.search).get('token');
const HOST_COLOURS = ['#2f6fd6', '#2e9b5f', '#8a4fd0', '#d08a2f', '#1aa0a8', '#c0508a'];
let last = null;

function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
        if (v === null || v === undefined) continue;
        if (k === 'class') e.className = v; else if (k === 'style') e.style.cssText = v; else e.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
        if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
}

function short(id) { return id && id.length > 8 ? id.substring(0, 8) : id; }
function ms(v) { return v === null || v === undefined ? '–' : `${v} ms`; }

function hostColour(name) {
    const names = (last ? last.hosts.map(h => h.name) : []);
    const i = names.indexOf(name);
    return HOST_COLOURS[(i < 0 ? names.length : i) % HOST_COLOURS.length];
}

function renderSources(s) {
    document.getElementById('sources').replaceChildren(...s.sources.map(src =>
        el('span', {class: 'source' + (src.up ? '' : ' down'), title: src.error || src.url || '',
            'data-source': src.name, 'data-up': src.up}, src.name + (src.up ? '' : ' down'))));
}

function renderHosts(s) {
    const box = document.getElementById('hosts');
    if (!s.hosts.length) {
        box.replaceChildren(el('div', {class: 'empty'}, 'no MEC host known (is mec-app-lcm up?)'));
        return;
    }
    box.replaceChildren(...s.hosts.map(h => el('div', {class: 'host' + (h.platformUp ? '' : ' down'),
            'data-host': h.name},
        el('h3', {style: `color:${hostColour(h.name)}`}, h.name),
        el('div', {class: 'meta'}, `zone ${h.zone || '–'} · platform ${h.platformUrl || 'none'}`
            + (h.platformUp ? '' : ' (down)')),
        el('div', {}, el('b', {}, 'app instances')),
        h.instances.length ? el('ul', {}, h.instances.map(i => el('li', {'data-app-instance-id': i.id},
                el('span', {class: 'mono', title: i.id}, short(i.id)), ' ', i.appDId || '', ' ',
                el('span', {class: 'tag' + (i.started ? '' : ' stopped')}, i.started ? 'started' : 'stopped'))))
            : el('div', {class: 'empty'}, 'none'),
        h.proxies.map(p => [
            el('div', {}, el('b', {}, `edge proxy ${p.name}`), el('span', {class: 'meta'}, ` ${p.authority || ''}`)),
            p.clients.length ? el('ul', {}, p.clients.map(c => el('li', {'data-client-id': c.clientId},
                    el('span', {class: 'mono'}, c.clientId), ' → ', forwarding(c.forwarding || {}),
                    c.advertiseAltSvc ? el('span', {class: 'tag', title: c.advertiseAltSvc}, ' Alt-Svc') : null)))
                : el('div', {class: 'empty'}, 'no clients')
        ]))));
}

/** A client's service hosts and their backends: the first three, then how many more (all in the tooltip). */
function forwarding(map) {
    const all = Object.entries(map).map(([host, to]) => `${host} ⇒ ${to}`);
    const shown = all.slice(0, 3).join(', ') + (all.length > 3 ? ` (+${all.length - 3} more)` : '');
    return el('span', {title: all.join('\n')}, all.length ? shown : 'no service host');
}

function stepDuration(step, now) {
    if (step.durationMs !== null && step.durationMs !== undefined) return step.durationMs;
    return Math.max(0, now - step.startedAt);
}

function renderRelocations(s) {
    const box = document.getElementById('relocations');
    if (!s.relocations.length) {
        box.replaceChildren(el('div', {class: 'empty'}, 'no relocation yet'));
        return;
    }
    box.replaceChildren(...s.relocations.map(r => {
        const durations = r.steps.map(st => stepDuration(st, s.time));
        const total = durations.reduce((a, b) => a + b, 0);
        // every bar stays visible: at least 4 % of the row
        const floor = Math.max(1, total * 0.04);
        return el('div', {class: 'relocation', 'data-relocation-id': r.relocationId, 'data-state': r.state},
            el('div', {class: 'rel-head'},
                el('span', {class: 'state state-' + r.state}, r.state),
                el('b', {}, `${r.sourceHost || '?'} → ${r.targetHost || '?'}`),
                el('span', {}, `${r.steering}`),
                el('span', {class: 'mono', title: r.appInstanceId}, `app ${short(r.appInstanceId)}`),
                el('span', {}, `downtime ${ms(r.downtimeMs)}`),
                el('span', {class: 'meta'}, `total ${ms(total)} · ${new Date(r.createdAt).toLocaleTimeString()}`
                    + ` · ${short(r.relocationId)}`),
                r.error ? el('span', {class: 'meta', style: 'color:var(--failed)'}, r.error) : null),
            el('div', {class: 'bars'}, r.steps.map((st, i) => el('div', {
                class: 'step state-' + st.state, 'data-step-name': st.name, 'data-state': st.state,
                'data-duration-ms': durations[i], style: `flex: ${Math.max(durations[i], floor)} 1 0`,
                title: `${st.name} ${st.state} ${durations[i]} ms, ${st.attempts} attempt(s)`},
                `${st.name} ${durations[i]} ms`))));
    }));
}

function renderPlot(s) {
    const canvas = document.getElementById('plot');
    const points = s.transactions;
    const failures = points.filter(p => p.status >= 400).length;
    canvas.dataset.points = points.length;
    canvas.dataset.failures = failures;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    canvas.width = w * dpr;
    canvas.height = h * dpr;
    const g = canvas.getContext('2d');
    g.scale(dpr, dpr);
    g.clearRect(0, 0, w, h);
    const left = 56, right = 12, top = 12, bottom = 28;
    const x1 = s.time, x0 = Math.min(x1 - 60000, ...points.map(p => p.time));
    const yMax = Math.max(10, ...points.map(p => p.durationMs)) * 1.1;
    const X = t => left + (t - x0) / (x1 - x0) * (w - left - right);
    const Y = d => h - bottom - d / yMax * (h - top - bottom);
    // relocations as shaded spans
    for (const r of s.relocations) {
        const a = Math.max(x0, r.createdAt), b = r.endedAt || x1;
        if (b < x0) continue;
        g.fillStyle = r.state === 'FAILED' ? 'rgba(210,60,60,0.10)' : 'rgba(47,111,214,0.10)';
        g.fillRect(X(a), top, Math.max(2, X(b) - X(a)), h - top - bottom);
        g.fillStyle = '#6b7585';
        g.font = '11px "Liberation Sans", sans-serif';
        g.fillText(`${r.steering} ${r.sourceHost}→${r.targetHost}`, X(a) + 3, top + 11);
    }
    // axes and grid
    g.strokeStyle = '#dde1e7';
    g.fillStyle = '#6b7585';
    g.font = '11px "Liberation Sans", sans-serif';
    g.lineWidth = 1;
    for (let i = 0; i <= 4; i++) {
        const d = yMax / 4 * i, y = Y(d);
        g.beginPath(); g.moveTo(left, y); g.lineTo(w - right, y); g.stroke();
        g.fillText(`${Math.round(d)} ms`, 4, y + 4);
    }
    for (let i = 0; i <= 6; i++) {
        const t = x0 + (x1 - x0) / 6 * i;
        g.fillText(new Date(t).toLocaleTimeString(), X(t) - 24, h - 8);
    }
    for (const p of points) {
        const x = X(p.time), y = Y(p.durationMs);
        if (p.status >= 400) {
            g.strokeStyle = '#d23c3c';
            g.lineWidth = 2;
            g.beginPath(); g.moveTo(x - 4, y - 4); g.lineTo(x + 4, y + 4);
            g.moveTo(x + 4, y - 4); g.lineTo(x - 4, y + 4); g.stroke();
        } else {
            g.fillStyle = hostColour(p.host);
            g.beginPath(); g.arc(x, y, 3, 0, 2 * Math.PI); g.fill();
        }
    }
    const hosts = [...new Set(points.map(p => p.host))];
    document.getElementById('legend').replaceChildren(
        ...hosts.map(n => el('span', {}, el('span', {class: 'swatch', style: `background:${hostColour(n)}`}),
            `via ${n}'s proxy`)),
        el('span', {}, `${points.length} transactions, ${failures} failed`));
}

function render(s) {
    last = s;
    renderSources(s);
    renderHosts(s);
    renderRelocations(s);
    renderPlot(s);
    const feed = document.getElementById('feed');
    feed.className = 'feed';
    feed.textContent = `live · ${new Date(s.time).toLocaleTimeString()}`;
}

function connect() {
    const source = new EventSource('/dashboard/v1/events' + (token ? '?token=' + encodeURIComponent(token) : ''));
    source.addEventListener('snapshot', e => render(JSON.parse(e.data)));
    source.onerror = () => {
        const feed = document.getElementById('feed');
        feed.className = 'feed down';
        // EventSource retries by itself after a dropped stream, not after a refused one (e.g. 401)
        feed.textContent = source.readyState === EventSource.CLOSED
            ? 'feed refused' + (token ? ' (wrong token?)' : ': open this page with ?token=<operator token>')
            : 'feed interrupted, reconnecting…';
        if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000);
    };
}

window.addEventListener('resize', () => last && renderPlot(last));
connect();
