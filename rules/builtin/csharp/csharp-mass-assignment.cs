class Users : Microsoft.AspNetCore.Mvc.Controller
{
    async System.Threading.Tasks.Task Edit(User user)
    {
        // ruleid: csharp-mass-assignment
        await TryUpdateModelAsync(user);
        // ok: csharp-mass-assignment
        await TryUpdateModelAsync(user, "", u => u.Name, u => u.Email);
        // ok: csharp-mass-assignment
        await TryUpdateModelAsync<User>(user, "", u => u.Name);
    }
}
