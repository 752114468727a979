using GenreOrleans.Web.Uploads;

namespace GenreOrleans.Web.Tests.Uploads;

public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\Music\\track.mp3", "track.mp3")]
    [InlineData("/var/tmp/x/../track.mp3", "track.mp3")]
    public void Keeps_only_the_last_path_segment(string raw, string expected)
    {
        Assert.Equal(expected, UploadFileName.Clean(raw));
    }

    [Fact]
    public void Drops_control_characters_and_leading_dots()
    {
        Assert.Equal("evil.mp3", UploadFileName.Clean("..\u0000\r\nevil.mp3"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("..")]
    [InlineData("/")]
    public void Falls_back_to_a_plain_name_when_nothing_is_left(string? raw)
    {
        Assert.Equal(UploadFileName.Fallback, UploadFileName.Clean(raw));
    }

    [Fact]
    public void Shortens_long_names_and_keeps_the_extension()
    {
        var cleaned = UploadFileName.Clean(new string('a', 5000) + ".mp3");
        Assert.Equal(UploadFileName.MaxLength, cleaned.Length);
        Assert.EndsWith(".mp3", cleaned);
    }

    [Fact]
    public void Leaves_markup_as_text_for_the_page_to_encode()
    {
        Assert.Equal("<img src=x onerror=alert(1)>.mp3", UploadFileName.Clean("<img src=x onerror=alert(1)>.mp3"));
    }
}
