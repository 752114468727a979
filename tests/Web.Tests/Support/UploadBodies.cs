using System.Net.Http.Headers;

namespace GenreOrleans.Web.Tests.Support;

/// <summary>Multipart bodies as a browser or an API client would send them.</summary>
public static class UploadBodies
{
    public static MultipartFormDataContent File(byte[] bytes, string fileName = "track.mp3", string field = "file")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        content.Add(file, field, fileName);
        return content;
    }

    /// <summary>The same upload streamed without a Content-Length, so that only the server's own count can stop it.</summary>
    public static MultipartFormDataContent StreamedFile(byte[] bytes, string fileName = "track.mp3")
    {
        var content = new MultipartFormDataContent();
        var file = new StreamContent(new UnknownLengthStream(bytes));
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        content.Add(file, "file", fileName);
        return content;
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
