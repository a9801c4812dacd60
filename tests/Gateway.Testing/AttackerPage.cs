namespace Gateway.Testing;

/// <summary>
/// The script an XSS in a legacy app would run: with the person's browser, against the gateway's own
/// origins. Each attempt records whether the script could read an answer (status and the start of the
/// body), or the error it got. The test page is served by <see cref="LegacyBackend"/> through the proxy,
/// so it runs on the apps origin.
/// </summary>
public static class AttackerPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Aplikasi dinas</title></head>
        <body><h1>Aplikasi dinas lama</h1><pre id="results">running</pre>
        <script>
        (async () => {
          const q = new URLSearchParams(location.search);
          const admin = q.get('admin'), portal = q.get('portal');
          const attempts = {
            sameOriginAdmin: () => fetch('/api/admin/accounts', { credentials: 'include' }),
            sameOriginAccount: () => fetch('/akun', { credentials: 'include' }),
            crossOriginAdminRead: () => fetch(admin + '/api/admin/accounts', { credentials: 'include' }),
            crossOriginAccountRead: () => fetch(portal + '/akun', { credentials: 'include' }),
            crossOriginAdminWrite: () => fetch(admin + '/api/admin/agencies', { method: 'POST', mode: 'no-cors', credentials: 'include',
              headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ code: 'penyusup', name: { id: 'Penyusup', en: 'Intruder' } }) }),
          };
          const results = {};
          for (const [name, attempt] of Object.entries(attempts)) {
            try {
              const response = await attempt();
              const text = response.type === 'opaque' ? '' : await response.text();
              results[name] = { readable: response.type !== 'opaque', status: response.status, body: text.slice(0, 200) };
            } catch (e) {
              results[name] = { readable: false, error: String(e) };
            }
          }
          document.getElementById('results').textContent = JSON.stringify(results);
          document.body.dataset.done = 'true';
        })();
        </script></body></html>
        """;
}
