namespace Tinjau.AppHost.Dashboard;

/// <summary>A single page that polls the JSON API.</summary>
internal static class DashboardPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Tinjau dashboard</title>
        <style>
          body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
          table{border-collapse:collapse;margin-bottom:1.5rem}
          td,th{border-bottom:1px solid #ddd;padding:.3rem .8rem;text-align:left;font-size:.9rem}
          .Healthy,.External{color:#080}.Exited,.FailedToStart{color:#b00}.Restarting,.Starting{color:#a60}
          code{font-size:.8rem}
        </style></head>
        <body>
        <h1>Tinjau</h1>
        <h2>Resources</h2>
        <table><thead><tr><th>Name</th><th>Type</th><th>State</th><th>URL</th><th>PID</th><th>Restarts</th></tr></thead><tbody id="resources"></tbody></table>
        <h2>Recent traces</h2>
        <table><thead><tr><th>Start</th><th>Root</th><th>Services</th><th>Spans</th><th>ms</th><th>Trace</th></tr></thead><tbody id="traces"></tbody></table>
        <pre id="trace"></pre>
        <script>
        const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
        async function refresh() {
          const resources = await (await fetch('/api/resources')).json();
          document.getElementById('resources').innerHTML = resources.map(r =>
            `<tr><td>${esc(r.name)}</td><td>${esc(r.type)}</td><td class="${esc(r.state)}">${esc(r.state)}</td><td>${esc(r.url)}</td><td>${esc(r.pid)}</td><td>${esc(r.restarts)}</td></tr>`).join('');
          const traces = await (await fetch('/api/traces?limit=50')).json();
          document.getElementById('traces').innerHTML = traces.map(t =>
            `<tr><td>${esc(new Date(t.start).toLocaleTimeString())}</td><td>${esc(t.rootService)}: ${esc(t.rootName)}</td><td>${esc(t.services.join(', '))}</td><td>${t.spanCount}</td><td>${t.durationMs.toFixed(1)}</td><td><a href="#" onclick="show('${esc(t.traceId)}');return false"><code>${esc(t.traceId)}</code></a></td></tr>`).join('');
        }
        async function show(id) {
          const spans = await (await fetch('/api/traces/' + id)).json();
          document.getElementById('trace').textContent = spans.map(s =>
            `${s.serviceName.padEnd(14)} ${s.kind.padEnd(9)} ${s.durationMs.toFixed(1).padStart(8)} ms  ${s.name}`).join('\n');
        }
        refresh(); setInterval(refresh, 2000);
        </script>
        </body></html>
        """;
}
