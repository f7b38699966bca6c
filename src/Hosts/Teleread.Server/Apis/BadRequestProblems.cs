using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Teleread.Server.Apis;

/// <summary>
/// A request body or parameter the API cannot read (malformed JSON, a value the domain refuses while it is read, such as
/// an unknown time zone or a 30-hour shift) is answered 400 with a problem detail saying what is wrong, instead of a bare
/// "Bad Request" — or a 500 when the refusal was not a JSON error.
/// </summary>
public sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = Describe(bad) },
            Exception = exception,
        }).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="exception"/> is the client's fault, not to be logged as a server error.</summary>
    public static bool IsClientError(Exception exception) => exception is BadHttpRequestException;

    private static string Describe(BadHttpRequestException bad)
    {
        // The innermost refusal says it best: the domain's own sentence, else where the JSON went wrong.
        for (var e = bad.InnerException; e is not null; e = e.InnerException)
        {
            if (e is ArgumentException argument)
            {
                return argument.ParamName is { } name ? argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : argument.Message;
            }
        }

        return bad.InnerException is JsonException json
            ? $"The request body is not valid: {json.Message}"
            : bad.Message;
    }
}
