using Azure;
using Azure.Storage.Blobs.Models;
using Streetcar.Core.Errors;

namespace Streetcar.Remote.Stores;

/// <summary>
/// Turns what the Azure SDK throws into one line naming the remote (exit 2): refused credentials, a missing
/// container, an endpoint that cannot be reached. Built from the status and error code only, never from the
/// request, so no credential can reach a log.
/// </summary>
internal static class AzureFailure
{
    public static T Guard<T>(string remote, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (Describe(e) is { } problem)
        {
            throw new PipelineException($"remote {remote}: {problem}", ExitCodes.Pipeline, e);
        }
    }

    private static string? Describe(Exception e) => e switch
    {
        // The SDK's retries end in an AggregateException of the attempts' failures: the last one says it.
        AggregateException { InnerExceptions.Count: > 0 } all => Describe(all.InnerExceptions[^1]),
        RequestFailedException { Status: 403 } r => $"the credentials were refused ({r.Status} {r.ErrorCode}); check AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT/AZURE_STORAGE_KEY or the SAS",
        RequestFailedException { Status: 404 } r when r.ErrorCode == BlobErrorCode.ContainerNotFound => "the container does not exist (create it first)",
        RequestFailedException { Status: 0 } r => $"cannot reach the endpoint ({Innermost(r).Message})",
        RequestFailedException r => $"the storage service answered {r.Status} {r.ErrorCode}",
        HttpRequestException or TaskCanceledException or TimeoutException => $"cannot reach the endpoint ({Innermost(e).Message})",
        IOException => $"a file could not be read or written ({e.Message})",
        _ => null,
    };

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }
}
