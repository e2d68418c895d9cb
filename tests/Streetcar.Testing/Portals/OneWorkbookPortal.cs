using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Streetcar.Testing;

/// <summary>A CKAN portal on 127.0.0.1 (a free port) serving package_show and one workbook.</summary>
public sealed class OneWorkbookPortal : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _workbook;
    private readonly bool _failDownload;
    private readonly Task _loop;
    private readonly string _prefix;

    public OneWorkbookPortal(byte[] workbook, bool failDownload = false, string prefix = "")
    {
        _workbook = workbook;
        _failDownload = failDownload;
        _prefix = "/" + prefix;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/{prefix}");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public List<string> Requests { get; } = [];

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = "/" + context.Request.Url!.PathAndQuery[_prefix.Length..];
            lock (Requests)
            {
                Requests.Add(path);
            }
            var (status, body) = path switch
            {
                "/api/3/action/package_show?id=ttc-streetcar-delay-data" => (200, Encoding.UTF8.GetBytes(
                    "{\"success\": true, \"result\": {\"resources\": [" +
                    "{\"name\": \"readme\", \"url\": \"" + BaseUrl + "files/readme.txt\"}," +
                    "{\"name\": \"ttc 2014\", \"url\": \"" + BaseUrl + "files/w-2014.xlsx\"}]}}")),
                "/files/w-2014.xlsx" when _failDownload => (500, Encoding.UTF8.GetBytes("boom")),
                "/files/w-2014.xlsx" => (200, _workbook),
                _ => (404, []),
            };
            context.Response.StatusCode = status;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
