namespace ManageIQ.OpenScap.Scap.Reporting;

/// <summary>The report's only style sheet, inlined in every page (no fonts, images or other resources).</summary>
internal static class ReportStyle
{
    public const string Css =
        "body{font:13px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1f2328;margin:16px auto;max-width:980px;padding:0 12px}" +
        "h1{font-size:18px;margin:0 0 8px}" +
        "h2{font-size:15px;margin:18px 0 6px;border-bottom:1px solid #d0d7de;padding-bottom:2px}" +
        "h3{font-size:13px;margin:0}" +
        "table{border-collapse:collapse}" +
        ".facts th{text-align:left;font-weight:600;color:#57606a;padding:1px 14px 1px 0;vertical-align:top;white-space:nowrap}" +
        ".facts td{padding:1px 0;overflow-wrap:anywhere}" +
        ".counts{margin:10px 0 4px}" +
        ".counts th,.counts td{border:1px solid #d0d7de;padding:2px 10px;text-align:center}" +
        ".counts th{background:#f6f8fa;font-weight:600}" +
        ".sev{display:inline-block;min-width:54px;padding:0 4px;margin-right:4px;border-radius:3px;color:#fff;font-size:11px;font-weight:700;text-align:center;text-transform:uppercase}" +
        ".b-high{background:#cf222e}.b-medium{background:#bc4c00}.b-low{background:#9a6700}.b-info,.b-unknown{background:#6e7781}" +
        ".st{font-weight:700}.st-compliant{color:#1a7f37}.st-non_compliant{color:#cf222e}.st-error{color:#8250df}" +
        ".rule{border:1px solid #d0d7de;border-left:4px solid #6e7781;border-radius:4px;padding:5px 10px;margin:6px 0}" +
        ".r-high{border-left-color:#cf222e}.r-medium{border-left-color:#bc4c00}.r-low{border-left-color:#9a6700}" +
        ".id,.chk{font:11px ui-monospace,'DejaVu Sans Mono',monospace;color:#57606a;overflow-wrap:anywhere}" +
        ".cves{color:#953800;overflow-wrap:anywhere}" +
        ".lbl,.sub{font-weight:600}.sub{margin-top:3px}" +
        ".prose{white-space:pre-wrap;overflow-wrap:anywhere;margin-top:2px}" +
        ".checks{margin:3px 0 0;padding:0;list-style:none;columns:300px;column-gap:18px}.checks li{margin:1px 0;break-inside:avoid;overflow-wrap:anywhere}" +
        ".note{background:#fff8c5;border:1px solid #d4a72c;border-radius:4px;padding:4px 8px}" +
        ".muted{color:#57606a}";
}
