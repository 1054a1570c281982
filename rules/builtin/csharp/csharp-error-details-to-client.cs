using Microsoft.AspNetCore.Mvc;

class Orders : Controller
{
    IActionResult Get(int id)
    {
        try { return Ok(Load(id)); }
        // ruleid: csharp-error-details-to-client
        catch (System.Exception ex) { return StatusCode(500, ex.ToString()); }
    }
    IActionResult Put(int id)
    {
        try { return Ok(Save(id)); }
        // ruleid: csharp-error-details-to-client
        catch (System.Exception e) { return BadRequest(e.Message); }
    }
    IActionResult Post(int id)
    {
        // ok: csharp-error-details-to-client
        try { return Ok(Save(id)); }
        // ok: csharp-error-details-to-client
        catch (System.Exception ex) { _log.LogError(ex, "save failed"); return Problem("Could not save the order."); }
    }
}
