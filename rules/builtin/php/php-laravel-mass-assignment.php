<?php
class User extends Model {
    // ruleid: php-laravel-mass-assignment
    protected $guarded = [];
    // ok: php-laravel-mass-assignment
    protected $fillable = ['name', 'email'];
}
class UserController {
    public function store($request) {
        // ruleid: php-laravel-mass-assignment
        $user = User::create($request->all());
        // ruleid: php-laravel-mass-assignment
        $user->update($request->all());
        // ok: php-laravel-mass-assignment
        $user = User::create($request->validated());
        // ok: php-laravel-mass-assignment
        $user->update($request->only(['name', 'email']));
    }
}
