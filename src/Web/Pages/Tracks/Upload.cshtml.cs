using GenreOrleans.Web.Pages.Shared;
using GenreOrleans.Web.Tracks;
using GenreOrleans.Web.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Web.Pages.Tracks;

/// <summary>
/// Receives the home page's form. The page's script posts with the antiforgery token in a header
/// and asks for JSON (so that the file streams to disk unread by the framework); a plain form
/// post gets a redirect to the track, or this page again with the reason and the right status.
/// </summary>
[EnableRateLimiting(UploadRateLimiting.PolicyName)]
public sealed class UploadModel(UploadReceiver receiver, TrackService tracks, IOptions<UploadOptions> options) : PageModel
{
    public UploadFormModel Form { get; private set; } = new(options.Value.MaxBytes);

    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await receiver.ReceiveAsync(HttpContext, HttpContext.RequestAborted);
        var rejection = outcome.Rejection;
        if (outcome.Upload is { } upload)
        {
            var owner = OwnerCookie.GetOrIssue(HttpContext);
            (_, rejection) = await tracks.SubmitAsync(upload, owner);
            if (rejection is null)
            {
                var location = Url.Page("/Tracks/Details", new { id = upload.TrackId })!;
                return WantsJson() ? new JsonResult(new { id = upload.TrackId, location }) : Redirect(location);
            }
        }

        Response.StatusCode = rejection!.StatusCode;
        if (WantsJson())
            return new JsonResult(new { error = rejection.Message }) { StatusCode = rejection.StatusCode };
        Form = Form with { Error = rejection.Message };
        return Page();
    }

    private bool WantsJson() =>
        Request.Headers.Accept.Any(value => value?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}
