// The query page: CodeMirror on the textarea, examples loaded on click, results fetched from /sparql as SPARQL
// JSON and shown as a table. Every value is put in with textContent, never as HTML.
(function () {
  'use strict';
  var form = document.getElementById('query-form');
  var textarea = document.getElementById('query');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var question = document.getElementById('question');
  var publicBase = form.getAttribute('data-public-base');
  var editor = window.CodeMirror ? CodeMirror.fromTextArea(textarea, {
    mode: 'application/sparql-query', lineNumbers: true, matchBrackets: true, indentUnit: 2
  }) : null;
  document.querySelectorAll('.nojs').forEach(function (e) { e.hidden = true; });

  function query() { return editor ? editor.getValue() : textarea.value; }

  function updateDownloads() {
    var q = encodeURIComponent(query());
    document.getElementById('download-csv').href = '/sparql?output=csv&query=' + q;
    document.getElementById('download-json').href = '/sparql?output=json&query=' + q;
  }

  document.querySelectorAll('a.example').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      if (editor) { editor.setValue(link.getAttribute('data-query')); } else { textarea.value = link.getAttribute('data-query'); }
      question.textContent = link.textContent;
      document.querySelectorAll('a.example.chosen').forEach(function (e) { e.classList.remove('chosen'); });
      link.classList.add('chosen');
      history.replaceState(null, '', link.href);
      updateDownloads();
      results.replaceChildren();
      status.textContent = '';
    });
  });
  if (editor) { editor.on('change', updateDownloads); } else { textarea.addEventListener('input', updateDownloads); }
  updateDownloads();

  // Names under the public base open their page on this server; others go where they point.
  function href(iri) {
    if (iri.indexOf(publicBase) === 0) { return '/' + iri.substring(publicBase.length); }
    return /^https?:/.test(iri) ? iri : null;
  }

  function cell(term) {
    var td = document.createElement('td');
    if (!term) { return td; }
    if (term.type === 'uri') {
      var target = href(term.value);
      var node = document.createElement(target ? 'a' : 'span');
      if (target) { node.href = target; }
      node.textContent = term.value;
      td.appendChild(node);
    } else if (term.type === 'bnode') {
      td.textContent = '_:' + term.value;
    } else {
      td.textContent = term.value;
      if (term['xml:lang']) {
        var lang = document.createElement('sup');
        lang.textContent = term['xml:lang'];
        td.appendChild(lang);
      }
    }
    return td;
  }

  function table(json) {
    var vars = json.head.vars;
    var t = document.createElement('table');
    t.className = 'results';
    var head = t.createTHead().insertRow();
    vars.forEach(function (v) { var th = document.createElement('th'); th.textContent = v; head.appendChild(th); });
    var body = t.createTBody();
    json.results.bindings.forEach(function (binding) {
      var row = body.insertRow();
      vars.forEach(function (v) { row.appendChild(cell(binding[v])); });
    });
    return t;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var started = Date.now();
    status.textContent = 'Running…';
    results.replaceChildren();
    fetch('/sparql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Accept': 'application/sparql-results+json, text/turtle;q=0.9'
      },
      body: new URLSearchParams({ query: query() })
    }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) { throw new Error(text || response.statusText); }
        var type = response.headers.get('Content-Type') || '';
        var seconds = ((Date.now() - started) / 1000).toFixed(2);
        if (type.indexOf('json') >= 0) {
          var json = JSON.parse(text);
          if (typeof json.boolean === 'boolean') {
            status.textContent = 'Answer: ' + json.boolean + ' (' + seconds + ' s)';
            return;
          }
          var n = json.results.bindings.length;
          status.textContent = n + (n === 1 ? ' row' : ' rows') + ' (' + seconds + ' s)';
          results.appendChild(table(json));
        } else {
          var pre = document.createElement('pre');
          pre.textContent = text;
          status.textContent = 'Graph (' + seconds + ' s)';
          results.appendChild(pre);
        }
      });
    }).catch(function (error) {
      status.textContent = 'The query failed:';
      var pre = document.createElement('pre');
      pre.className = 'error';
      pre.textContent = error.message;
      results.appendChild(pre);
    });
  });
}());
