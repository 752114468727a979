using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using GenreOrleans.Web.Tracks;
using GenreOrleans.Web.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GenreOrleans.Web.Api;

/// <summary>The JSON API: upload a track, read it, follow its progress.</summary>
public static class TrackEndpoints
{
    public static IEndpointRouteBuilder MapTrackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tracks = endpoints.MapGroup("/api/tracks").WithTags("Tracks");

        tracks.MapPost("/", UploadAsync)
            .WithName("UploadTrack")
            .WithSummary("Upload an audio file (multipart field \"file\") and start its analysis.")
            .Accepts<UploadTrackForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(UploadRateLimiting.PolicyName);

        tracks.MapGet("/{id:guid}", GetAsync)
            .WithName("GetTrack")
            .WithSummary("A track's status, progress, file facts and, once completed, its genres, tempo and key.");

        tracks.MapGet("/{id:guid}/events", EventsAsync)
            .WithName("TrackEvents")
            .WithSummary("Server-sent events: the track each time its status or progress changes, until it finishes.");

        return endpoints;
    }

    private static async Task<Results<AcceptedAtRoute<UploadAccepted>, ProblemHttpResult>> UploadAsync(
        HttpContext context, UploadReceiver receiver, TrackService tracks)
    {
        var outcome = await receiver.ReceiveAsync(context, context.RequestAborted);
        if (outcome.Rejection is { } rejected)
            return Problem(rejected);

        var upload = outcome.Upload!;
        var (snapshot, queueRejection) = await tracks.SubmitAsync(upload, OwnerCookie.Read(context));
        if (queueRejection is not null)
            return Problem(queueRejection);

        var accepted = new UploadAccepted(upload.TrackId, snapshot!.Status.ToString(), TrackLinks.For(upload.TrackId));
        return TypedResults.AcceptedAtRoute(accepted, "GetTrack", new { id = upload.TrackId });
    }

    private static async Task<Results<Ok<TrackResponse>, NotFound>> GetAsync(Guid id, TrackService tracks) =>
        await tracks.FindAsync(id) is { } snapshot ? TypedResults.Ok(snapshot.ToResponse()) : TypedResults.NotFound();

    private static async Task<Results<ServerSentEventsResult<TrackResponse>, NotFound>> EventsAsync(
        Guid id, TrackService tracks, HttpContext context)
    {
        if (await tracks.FindAsync(id) is null)
            return TypedResults.NotFound();
        return TypedResults.ServerSentEvents(Follow(id, tracks, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<TrackResponse>> Follow(
        Guid id, TrackService tracks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var snapshot in tracks.WatchAsync(id, cancellationToken))
            yield return new SseItem<TrackResponse>(snapshot.ToResponse(), "track");
    }

    private static ProblemHttpResult Problem(UploadRejection rejection) =>
        TypedResults.Problem(detail: rejection.Message, statusCode: rejection.StatusCode, title: "Upload refused");
}
