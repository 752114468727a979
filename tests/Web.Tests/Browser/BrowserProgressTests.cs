using GenreOrleans.Web.Tests.Doubles;
using Microsoft.Playwright;

namespace GenreOrleans.Web.Tests.Browser;

/// <summary>The track page follows a track live (server-sent events) and shows the result when it is done.</summary>
public sealed class BrowserProgressTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [SkippableFact]
    public async Task Track_page_switches_from_progress_to_the_result_by_itself()
    {
        var browser = chromium.Require();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var site = new ScriptedLiveSite { Pipeline = new ScriptedTrackPipeline { DecodingGate = gate } };
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(site.Address);
            await page.SetInputFilesAsync("#upload-file", new FilePayload
            {
                Name = "live.mp3",
                MimeType = "audio/mpeg",
                Buffer = Support.AudioSamples.Mp3Frames(60),
            });
            await page.WaitForURLAsync("**/tracks/*");
            await Assertions.Expect(page.Locator("[data-progress-status]")).ToHaveTextAsync("Decoding");

            gate.SetResult();

            await Assertions.Expect(page.Locator(".genres .bar-row").First).ToContainTextAsync("Acid House");
            await Assertions.Expect(page.Locator("[data-track-progress]")).ToHaveCountAsync(0);
        }
        finally
        {
            gate.TrySetResult();
        }
    }
}
