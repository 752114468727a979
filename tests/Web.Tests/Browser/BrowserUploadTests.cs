using System.Text;
using GenreOrleans.Tests.Shared;
using GenreOrleans.Web.Tests.Support;
using Microsoft.Playwright;

namespace GenreOrleans.Web.Tests.Browser;

/// <summary>A person with a browser: pick a file on the home page, see the reason or the result.</summary>
public sealed class BrowserUploadTests(ChromiumBrowser chromium, LiveSite site)
    : IClassFixture<ChromiumBrowser>, IClassFixture<LiveSite>
{
    private static readonly float ResultTimeoutMs = (float)TimeSpan.FromMinutes(5).TotalMilliseconds;

    private async Task<IPage> OpenHomeAsync(int width = 1280, int height = 900)
    {
        var context = await chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = ColorScheme.Dark,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Address);
        return page;
    }

    [SkippableFact]
    public async Task Non_audio_file_is_refused_in_place_with_the_reason()
    {
        var page = await OpenHomeAsync();

        await page.SetInputFilesAsync("#upload-file", new FilePayload
        {
            Name = "not-a-song.mp3",
            MimeType = "audio/mpeg",
            Buffer = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>hello</body></html>"),
        });

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToBeVisibleAsync();
        await Assertions.Expect(alert).ToContainTextAsync("not an audio file");
        Assert.Equal(site.Address.TrimEnd('/') + "/", page.Url);
    }

    [SkippableFact]
    public async Task Keyboard_reaches_the_file_input_behind_the_upload_button()
    {
        var page = await OpenHomeAsync();

        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.id") != "upload-file"; i++)
            await page.Keyboard.PressAsync("Tab");

        Assert.Equal("upload-file", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Assertions.Expect(page.GetByText("UPLOAD FILE")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Real_mp3_picked_on_the_home_page_shows_its_genres_and_the_screenshot_is_saved()
    {
        var clip = DatasetClips.RequireClip();
        TestModel.RequireModel();
        _ = site.Address;
        site.RequireTrackPipeline();
        var page = await OpenHomeAsync();

        await page.SetInputFilesAsync("#upload-file", clip);
        await page.WaitForURLAsync("**/tracks/*");
        var firstGenre = page.Locator(".genres .bar-row").First;
        await Assertions.Expect(firstGenre).ToBeVisibleAsync(new() { Timeout = ResultTimeoutMs });

        await Assertions.Expect(firstGenre.Locator(".bar-value")).ToContainTextAsync("%");
        await Assertions.Expect(page.Locator(".families .bar-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.timeline rect").First).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByText("Analyze another track")).ToBeVisibleAsync();

        var docs = Path.Combine(TestPaths.RepoRoot, "docs");
        Directory.CreateDirectory(docs);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(docs, "screenshot-result.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Real_mp3_result_is_readable_on_a_phone_sized_screen()
    {
        var clip = DatasetClips.RequireClip();
        TestModel.RequireModel();
        _ = site.Address;
        site.RequireTrackPipeline();
        var page = await OpenHomeAsync(width: 390, height: 844);

        await page.SetInputFilesAsync("#upload-file", clip);
        await page.WaitForURLAsync("**/tracks/*");
        await Assertions.Expect(page.Locator(".genres .bar-row").First).ToBeVisibleAsync(new() { Timeout = ResultTimeoutMs });

        var overflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflows, "the result page scrolls sideways on a phone");
    }
}
