// page.cc: the Detections page: one self-contained HTML file (inline CSS and JS, the catalog
// embedded as JSON, no network access) that lists, searches and filters the rules. Filters are
// mirrored in the URL fragment (#class=duet&severity=high&technique=T1566&event=audit&q=...),
// so a filtered view can be linked to and opened directly, also from file://.
#include <string>

#include "catalog/catalog.h"

namespace vigil::catalog {
namespace {

// The page before and after the embedded catalog JSON.
constexpr const char* kHead = R"PAGE(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Detections</title>
<style>
:root { --fg: #1b2430; --muted: #5b6776; --line: #dde3ea; --bg: #f6f8fa; --card: #fff;
        --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--fg); background: var(--bg); }
header { padding: 18px 24px 10px; background: var(--card); border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 22px; }
.summary { color: var(--muted); }
.summary b { color: var(--fg); }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; padding: 12px 24px;
            background: var(--card); border-bottom: 1px solid var(--line); position: sticky; top: 0;
            z-index: 1; }
.controls label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
.controls input, .controls select { font: inherit; padding: 5px 7px; border: 1px solid #b9c3ce;
                                    border-radius: 4px; background: #fff; min-width: 130px; }
.controls input[type=search] { min-width: 260px; }
.controls select { max-width: 300px; }
.controls button { font: inherit; padding: 5px 10px; border: 1px solid #b9c3ce; border-radius: 4px;
                   background: #fff; cursor: pointer; }
.downloads { margin-left: auto; display: flex; gap: 10px; align-items: center; }
.downloads a { color: var(--accent); }
.status-line { padding: 8px 24px; color: var(--muted); }
main { padding: 0 24px 32px; }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted);
     background: #fbfcfd; }
td.rule-cell { min-width: 380px; }
.title { font-weight: 600; }
.rid { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--muted); }
.desc { margin-top: 4px; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px;
         font-weight: 600; white-space: nowrap; }
.class-expel { background: #e3effb; color: #0b4f94; }
.class-vendor { background: #efe8fb; color: #5b2f9e; }
.class-duet { background: #e3f5ea; color: #19703e; }
.sev-critical { background: #7d1220; color: #fff; }
.sev-high { background: #d93a3a; color: #fff; }
.sev-medium { background: #f2a23a; color: #3a2500; }
.sev-low { background: #d9e5f2; color: #18324f; }
.sev-info { background: #eceff3; color: #3d4852; }
.optin { background: #fff3cd; color: #7a5a00; }
.chip { display: inline-block; margin: 0 4px 4px 0; padding: 0 6px; border: 1px solid var(--line);
        border-radius: 4px; font-size: 12px; background: #fbfcfd; white-space: nowrap; }
.chip.tech { border-color: #c9d6e6; }
.fields { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; color: #2f3d4c; }
details { margin-top: 6px; }
details summary { cursor: pointer; color: var(--accent); font-size: 12px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0;
     font-size: 13px; }
dt { color: var(--muted); }
dd { margin: 0; }
.ph { font-weight: 500; color: var(--accent); font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 13px; }
.muted { color: var(--muted); font-size: 12px; }
.empty { padding: 24px; text-align: center; color: var(--muted); }
footer { padding: 0 24px 24px; color: var(--muted); font-size: 12px; }
</style>
</head>
<body>
<header>
  <h1 id="page-title">Detections</h1>
  <div class="summary" id="summary"></div>
</header>
<div class="controls" role="search">
  <label>Search<input type="search" id="q" placeholder="title, id, description, field, tag"></label>
  <label>Class<select id="f-class"><option value="">All classes</option></select></label>
  <label>Severity<select id="f-severity"><option value="">All severities</option></select></label>
  <label>ATT&amp;CK technique<select id="f-technique"><option value="">All techniques</option></select></label>
  <label>Event type<select id="f-event"><option value="">All event types</option></select></label>
  <label>Status<select id="f-status"><option value="">All statuses</option></select></label>
  <label>Opt-in<select id="f-opt_in"><option value="">All rules</option>
    <option value="yes">Opt-in only</option><option value="no">On by default</option></select></label>
  <button type="button" id="reset">Reset</button>
  <div class="downloads">Download <a href="rules.json" download id="dl-json">JSON</a>
    <a href="rules.csv" download id="dl-csv">CSV</a></div>
</div>
<div class="status-line" id="shown-line">Showing <b id="shown">0</b> of <b id="total">0</b> rules</div>
<main>
<table id="rules">
<thead><tr><th>Rule</th><th>Class</th><th>Opt-in</th><th>Severity</th><th>Status</th><th>ATT&amp;CK</th>
<th>Event types</th><th>Looks at</th><th>Tests</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<div class="empty" id="empty" hidden>No rule matches these filters.</div>
</main>
<footer id="footer"></footer>
<script type="application/json" id="catalog-data">)PAGE";

constexpr const char* kTail = R"PAGE(</script>
<script>
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('catalog-data').textContent);
  var rules = data.rules;
  var SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  var CLASSES = ['expel', 'vendor', 'duet'];
  var CLASS_NAMES = { expel: 'Expel', vendor: 'Vendor', duet: 'DUET' };
  var KEYS = ['q', 'class', 'severity', 'technique', 'event', 'status', 'opt_in'];
  var $ = function (id) { return document.getElementById(id); };
  var controls = { q: $('q'), 'class': $('f-class'), severity: $('f-severity'),
                   technique: $('f-technique'), event: $('f-event'), status: $('f-status'),
                   opt_in: $('f-opt_in') };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function option(select, value, label) {
    var o = el('option', null, label);
    o.value = value;
    select.appendChild(o);
  }
  function uniq(list) {
    var seen = {}, out = [];
    list.forEach(function (v) { if (!seen[v]) { seen[v] = true; out.push(v); } });
    return out;
  }
  function flat(f) { return [].concat.apply([], rules.map(f)); }

  document.title = data.title + ' (' + rules.length + ' rules)';
  $('page-title').textContent = data.title;
  var c = data.counts;
  $('summary').innerHTML = '';
  [[rules.length, 'rules'], [c.expel, 'Expel'], [c.vendor, 'Vendor'], [c.duet, 'DUET'],
   [c.opt_in, 'opt-in']].forEach(function (p, i) {
    if (i) $('summary').appendChild(document.createTextNode(' \u00b7 '));
    $('summary').appendChild(el('b', null, p[0]));
    $('summary').appendChild(document.createTextNode(' ' + p[1]));
  });
  $('total').textContent = rules.length;
  $('footer').textContent = 'Generated by vigil ' + data.engine + (data.source ? ' from ' + data.source : '') +
      '. Filters are kept in the address (#class=duet&severity=high&technique=T1566&event=audit&q=...).';

  CLASSES.forEach(function (k) { option(controls['class'], k, CLASS_NAMES[k]); });
  SEVERITIES.forEach(function (s) { option(controls.severity, s, s); });
  var techs = uniq(flat(function (r) { return r.mitre; }).concat(
      flat(function (r) { return r.mitre.map(function (t) { return t.split('.')[0]; }); }))).sort();
  techs.forEach(function (t) {
    var name = data.techniques[t] || '';
    option(controls.technique, t, t + (name ? ' ' + name : ''));
  });
  uniq(flat(function (r) { return r.event_types; })).sort().forEach(function (e) {
    option(controls.event, e, e);
  });
  uniq(rules.map(function (r) { return r.status; })).sort().forEach(function (s) {
    option(controls.status, s, s);
  });

  function state() {
    var s = {};
    KEYS.forEach(function (k) { s[k] = controls[k].value.trim(); });
    return s;
  }
  function haystack(r) {
    return [r.id, r.title, r.description, r['class'], r.severity, r.status, r.kind]
        .concat(r.tags, r.mitre, r.event_types, r.reads, r.evidence,
                r.techniques.map(function (t) { return t.name; }))
        .join(' \n').toLowerCase();
  }
  rules.forEach(function (r) { r._text = haystack(r); });
  function matches(r, s) {
    if (s['class'] && r['class'] !== s['class']) return false;
    if (s.severity && r.severity !== s.severity) return false;
    if (s.status && r.status !== s.status) return false;
    if (s.opt_in === 'yes' && !r.opt_in) return false;
    if (s.opt_in === 'no' && r.opt_in) return false;
    if (s.event && r.event_types.indexOf(s.event) < 0) return false;
    if (s.technique && !r.mitre.some(function (t) {
          return t === s.technique || t.indexOf(s.technique + '.') === 0; })) return false;
    if (s.q) {
      var words = s.q.toLowerCase().split(/\s+/);
      for (var i = 0; i < words.length; i++) if (words[i] && r._text.indexOf(words[i]) < 0) return false;
    }
    return true;
  }

  function detail(dl, name, value) {
    if (value === undefined || value === null || value === '' ||
        (Array.isArray(value) && value.length === 0)) return;
    dl.appendChild(el('dt', null, name));
    var dd = el('dd');
    if (Array.isArray(value)) {
      value.forEach(function (v) {
        if (name === 'References' && /^https?:\/\//.test(v)) {
          var a = el('a', null, v);
          a.href = v;
          a.rel = 'noreferrer';
          dd.appendChild(a);
          dd.appendChild(el('br'));
        } else {
          dd.appendChild(el('span', 'chip', v));
        }
      });
    } else {
      dd.textContent = String(value);
    }
    dl.appendChild(dd);
  }
  // The title template with its {placeholders} set apart.
  function titleNode(text) {
    var div = el('div', 'title');
    text.split(/(\{[^{}]+\})/).forEach(function (part) {
      if (/^\{[^{}]+\}$/.test(part)) div.appendChild(el('span', 'ph', part));
      else if (part) div.appendChild(document.createTextNode(part));
    });
    return div;
  }
  function row(r) {
    var tr = el('tr', 'rule');
    tr.setAttribute('data-id', r.id);
    tr.setAttribute('data-class', r['class']);
    tr.setAttribute('data-severity', r.severity);
    tr.setAttribute('data-opt-in', r.opt_in ? 'yes' : 'no');
    var td = el('td', 'rule-cell');
    td.appendChild(titleNode(r.title));
    td.appendChild(el('div', 'rid', r.id));
    td.appendChild(el('div', 'desc', r.description));
    var d = el('details');
    d.appendChild(el('summary', null, 'Details'));
    var dl = el('dl');
    detail(dl, 'Kind', r.kind + (r.stateful ? ' (stateful)' : ''));
    detail(dl, 'ATT&CK', r.techniques.map(function (t) { return t.id + (t.name ? ' ' + t.name : ''); }));
    detail(dl, 'Evidence', r.evidence);
    detail(dl, 'Question', r.question);
    detail(dl, 'First action', r.first_action);
    detail(dl, 'Suppression', r.suppress);
    detail(dl, 'Exceptions', r.exceptions);
    detail(dl, 'Tags', r.tags);
    detail(dl, 'False positives', r.false_positives);
    detail(dl, 'References', r.references);
    detail(dl, 'Source', r.file ? r.file + ':' + r.line : '');
    d.appendChild(dl);
    td.appendChild(d);
    tr.appendChild(td);
    var cls = el('td');
    cls.appendChild(el('span', 'badge class-' + r['class'], CLASS_NAMES[r['class']] || r['class']));
    tr.appendChild(cls);
    var opt = el('td');
    if (r.opt_in) opt.appendChild(el('span', 'badge optin', 'opt-in'));
    else opt.appendChild(el('span', 'muted', 'default'));
    tr.appendChild(opt);
    var sev = el('td');
    sev.appendChild(el('span', 'badge sev-' + r.severity, r.severity));
    tr.appendChild(sev);
    tr.appendChild(el('td', null, r.status));
    var tech = el('td');
    r.techniques.forEach(function (t) {
      var chip = el('span', 'chip tech', t.id);
      if (t.name) chip.title = t.name;
      tech.appendChild(chip);
    });
    tr.appendChild(tech);
    var ev = el('td');
    r.event_types.forEach(function (e) { ev.appendChild(el('span', 'chip', e)); });
    tr.appendChild(ev);
    tr.appendChild(el('td', 'fields', r.reads.join(', ')));
    var tests = el('td', 'tests', r.tests);
    tests.title = r.tests_match + ' must-match, ' + r.tests_no_match + ' must-not-match';
    tr.appendChild(tests);
    return tr;
  }

  var writing = false;
  function render() {
    var s = state();
    var body = $('rows');
    while (body.firstChild) body.removeChild(body.firstChild);
    var shown = 0;
    rules.forEach(function (r) {
      if (!matches(r, s)) return;
      body.appendChild(row(r));
      shown++;
    });
    $('shown').textContent = shown;
    $('empty').hidden = shown !== 0;
    var parts = [];
    KEYS.forEach(function (k) { if (s[k]) parts.push(k + '=' + encodeURIComponent(s[k])); });
    var hash = parts.length ? '#' + parts.join('&') : '';
    if (hash !== location.hash && !(hash === '' && location.hash === '#')) {
      writing = true;
      try { history.replaceState(null, '', hash || location.pathname + location.search); }
      catch (e) { location.hash = hash; }
      writing = false;
    }
  }
  function readHash() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf('=');
      var k = decodeURIComponent(i < 0 ? kv : kv.slice(0, i));
      var v = i < 0 ? '' : decodeURIComponent(kv.slice(i + 1).replace(/\+/g, ' '));
      params[k] = v;
    });
    KEYS.forEach(function (k) {
      var v = params[k] || '';
      var ctl = controls[k];
      if (ctl.tagName === 'SELECT' && v) {
        var ok = false;
        for (var i = 0; i < ctl.options.length; i++) if (ctl.options[i].value === v) ok = true;
        if (!ok) option(ctl, v, v);
      }
      ctl.value = v;
    });
  }
  KEYS.forEach(function (k) {
    controls[k].addEventListener(k === 'q' ? 'input' : 'change', render);
  });
  $('reset').addEventListener('click', function () {
    KEYS.forEach(function (k) { controls[k].value = ''; });
    render();
  });
  window.addEventListener('hashchange', function () {
    if (writing) return;
    readHash();
    render();
  });
  readHash();
  render();
  document.body.setAttribute('data-ready', 'true');
})();
</script>
</body>
</html>
)PAGE";

// The catalog as JSON text that is safe inside a <script> element.
std::string EmbeddedJson(const nlohmann::json& catalog) {
  const std::string text = catalog.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char c : text) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string RenderHtml(const nlohmann::json& catalog) {
  return std::string(kHead) + EmbeddedJson(catalog) + kTail;
}

}  // namespace vigil::catalog
