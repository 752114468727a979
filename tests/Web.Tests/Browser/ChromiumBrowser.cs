using Microsoft.Playwright;

namespace GenreOrleans.Web.Tests.Browser;

/// <summary>
/// The system's Chromium driven by Playwright. Browsers are never downloaded: without
/// /usr/bin/chromium the browser tests skip and say why.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public IBrowser Require()
    {
        Skip.IfNot(File.Exists(ExecutablePath), $"{ExecutablePath} is not installed; browser tests need the system Chromium (never downloaded)");
        return Browser ?? throw new InvalidOperationException("Chromium did not start");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
