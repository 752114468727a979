using GenreOrleans.Web.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GenreOrleans.Web.Uploads;

/// <summary>
/// Streams the <c>file</c> field of a multipart request straight to disk, stopping as soon as it
/// passes the size limit, then checks the bytes. The body is never held in memory as a whole.
/// </summary>
public sealed class UploadReceiver(
    IOptions<UploadOptions> uploadOptions,
    IOptions<StorageOptions> storageOptions,
    AudioSniffer sniffer,
    ILogger<UploadReceiver> logger)
{
    public const string FileField = "file";

    private const int CopyBufferBytes = 81920;

    private readonly UploadOptions _limits = uploadOptions.Value;

    public async Task<UploadOutcome> ReceiveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return UploadOutcome.Refused(UploadRejection.NotMultipart());

        var bodyLimit = _limits.MaxBytes + _limits.EnvelopeAllowanceBytes;
        if (request.ContentLength > bodyLimit)
            return UploadOutcome.Refused(UploadRejection.TooLarge(_limits.MaxBytes));
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = bodyLimit;

        var trackId = Guid.NewGuid();
        var directory = storageOptions.Value.UploadsDirectory;
        Directory.CreateDirectory(directory);
        var partialPath = Path.Combine(directory, trackId.ToString("N") + ".part");
        try
        {
            var received = await ReceiveFileAsync(context, partialPath, cancellationToken);
            if (received.Rejection is not null)
                return UploadOutcome.Refused(received.Rejection);
            return Check(trackId, partialPath, received.FileName!, received.SizeBytes);
        }
        catch (BadHttpRequestException ex)
        {
            logger.LogInformation("Upload refused by the server: {Status} {Reason}", ex.StatusCode, ex.Message);
            return UploadOutcome.Refused(ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? UploadRejection.TooLarge(_limits.MaxBytes)
                : UploadRejection.Malformed());
        }
        catch (InvalidDataException ex)
        {
            logger.LogInformation("Malformed multipart upload: {Reason}", ex.Message);
            return UploadOutcome.Refused(UploadRejection.Malformed());
        }
        finally
        {
            File.Delete(partialPath);
        }
    }

    private async Task<(string? FileName, long SizeBytes, UploadRejection? Rejection)> ReceiveFileAsync(
        HttpContext context, string partialPath, CancellationToken cancellationToken)
    {
        // The page's plain-form fallback has had its form read already (antiforgery looks for its token there).
        if (context.Features.Get<IFormFeature>()?.Form is { } form)
        {
            if (form.Files.GetFile(FileField) is not { } formFile)
                return (null, 0, UploadRejection.MissingFile());
            await using var source = formFile.OpenReadStream();
            return await CopyLimitedAsync(source, partialPath, formFile.FileName, cancellationToken);
        }

        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary))
            return (null, 0, UploadRejection.NotMultipart());

        var reader = new MultipartReader(boundary, context.Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FileField, StringComparison.Ordinal))
            {
                var fileName = HeaderUtilities.RemoveQuotes(
                    disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return await CopyLimitedAsync(section.Body, partialPath, fileName, cancellationToken);
            }
            // Other fields (the antiforgery token, anything a client adds) are read past, not kept.
            await section.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
        return (null, 0, UploadRejection.MissingFile());
    }

    private async Task<(string? FileName, long SizeBytes, UploadRejection? Rejection)> CopyLimitedAsync(
        Stream source, string partialPath, string? rawFileName, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferBytes];
        long total = 0;
        await using (var target = new FileStream(partialPath, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                         CopyBufferBytes, useAsync: true))
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > _limits.MaxBytes)
                    return (null, total, UploadRejection.TooLarge(_limits.MaxBytes));
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        return (UploadFileName.Clean(rawFileName), total, null);
    }

    private UploadOutcome Check(Guid trackId, string partialPath, string fileName, long sizeBytes)
    {
        if (sizeBytes == 0)
            return UploadOutcome.Refused(UploadRejection.Empty());

        AudioSniffResult sniffed;
        using (var stored = File.OpenRead(partialPath))
            sniffed = sniffer.Sniff(stored);
        if (sniffed.Rejection is not null)
        {
            logger.LogInformation("Upload {FileName} ({Bytes} bytes) refused: {Reason}", fileName, sizeBytes, sniffed.Rejection.Message);
            return UploadOutcome.Refused(sniffed.Rejection);
        }

        var format = sniffed.Format!.Value;
        var finalPath = Path.ChangeExtension(partialPath, format.ToString().ToLowerInvariant());
        File.Move(partialPath, finalPath);
        logger.LogInformation("Stored upload {TrackId}: {FileName}, {Bytes} bytes, {Format}", trackId, fileName, sizeBytes, format);
        return UploadOutcome.Stored(new StoredUpload(trackId, finalPath, fileName, sizeBytes, format));
    }
}
