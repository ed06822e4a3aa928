using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary><c>GET /api</c> (facts 10-14, with <c>?attributes=authorization</c>), <c>GET /api/product_info</c> and <c>GET /api/ping</c>.</summary>
internal static class EntrypointHandler
{
    /// <summary><c>ManageIQ::Api::VERSION</c> of manageiq-api's master (every release since Lasker reports it too).</summary>
    public const string DefaultVersion = "4.4.0-pre";

    public static ApiResult Index(ApiContext context)
    {
        var root = RootOf(context);
        var user = context.User!;
        var group = context.Group!;
        var version = context.ApiVersion;
        var entrypoint = new JObject
        {
            ["name"] = "API",
            ["description"] = "REST API",
            ["version"] = version,
            ["versions"] = new JArray(new JObject { ["name"] = version, ["href"] = $"{root}/api/v{version}" }),
            ["settings"] = new JObject { ["locale"] = "en" },
            ["identity"] = new JObject
            {
                ["userid"] = user.UserId,
                ["name"] = user.Name,
                ["user_href"] = $"{context.ApiBase}/users/{user.Id}",
                ["group"] = group.Description,
                ["group_href"] = $"{context.ApiBase}/groups/{group.Id}",
                ["role"] = group.Role,
                ["role_href"] = $"{context.ApiBase}/roles/{group.Id}",
                ["tenant"] = "My Company",
                ["groups"] = new JArray(user.Groups),
                ["miq_groups"] = new JArray(context.Store.Groups.Where(g => user.Groups.Contains(g.Description))
                    .Select(g => new JObject
                    {
                        ["href"] = $"{context.ApiBase}/groups/{g.Id}",
                        ["id"] = g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["description"] = g.Description,
                        ["sui_product_features"] = new JObject(),
                        ["product_features"] = new JArray(g.FeatureOrder),
                    })),
            },
            ["server_info"] = new JObject
            {
                ["version"] = "master",
                ["build"] = "emulator",
                ["release"] = version,
                ["appliance"] = "manageiq-openscap-emulator",
                ["time"] = context.Store.Now(),
                ["server_href"] = $"{context.ApiBase}/servers/1",
                ["zone_href"] = $"{context.ApiBase}/zones/1",
                ["region_href"] = $"{context.ApiBase}/regions/1",
                ["enterprise_href"] = $"{context.ApiBase}/enterprises/1",
                ["plugins"] = new JObject(),
            },
            ["product_info"] = ProductInfo(),
        };

        // Fact 10: authorization only when asked for, between product_info and collections; other names are ignored.
        var attributes = (context.QueryValue("attributes") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        if (attributes.Contains("authorization"))
        {
            entrypoint["authorization"] = AuthorizationRenderer.Render(context, group);
        }

        entrypoint["collections"] = new JArray(Collections.All.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new JObject { ["name"] = c.Name, ["href"] = $"{context.ApiBase}/{c.Name}", ["description"] = c.Description }));
        return ApiResult.Ok(entrypoint);
    }

    public static JObject ProductInfo() => new()
    {
        ["name"] = "ManageIQ",
        ["name_full"] = "ManageIQ",
        ["copyright"] = "Copyright (c) ManageIQ. Sponsored by Red Hat Inc.",
        ["support_website"] = "https://www.manageiq.org",
        ["support_website_text"] = "ManageIQ.org",
        ["branding_info"] = new JObject { ["brand"] = "/images/brand.svg", ["favicon"] = "/favicon.ico", ["logo"] = "/images/logo.svg" },
        ["authentication"] = new JObject { ["mode"] = "database", ["oidc_enabled"] = false, ["saml_enabled"] = false, ["sso_enabled"] = false },
    };

    private static string RootOf(ApiContext context) => $"{context.Http.Request.Scheme}://{context.Http.Request.Host}";
}
