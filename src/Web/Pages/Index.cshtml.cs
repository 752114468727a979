using GenreOrleans.Web.Pages.Shared;
using GenreOrleans.Web.Uploads;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Web.Pages;

public sealed class IndexModel(IOptions<UploadOptions> options) : PageModel
{
    public UploadFormModel Form { get; } = new(options.Value.MaxBytes);

    public void OnGet()
    {
    }
}
