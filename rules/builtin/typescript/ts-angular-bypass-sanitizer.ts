import { Component } from '@angular/core';
import { DomSanitizer, SafeHtml, SecurityContext } from '@angular/platform-browser';

@Component({ selector: 'app-bio', template: '<div [innerHTML]="bio"></div>' })
export class BioComponent {
  bio: SafeHtml | string | null = '';
  constructor(private sanitizer: DomSanitizer) {}
  show(userBio: string, link: string) {
    // ruleid: ts-angular-bypass-sanitizer
    this.bio = this.sanitizer.bypassSecurityTrustHtml(userBio);
    // ruleid: ts-angular-bypass-sanitizer
    const url = this.sanitizer.bypassSecurityTrustResourceUrl(link);
    // ok: ts-angular-bypass-sanitizer
    this.bio = this.sanitizer.sanitize(SecurityContext.HTML, userBio);
    // ok: ts-angular-bypass-sanitizer
    const notice = this.sanitizer.bypassSecurityTrustHtml('<b>Maintenance tonight</b>');
    // ok: ts-angular-bypass-sanitizer
    this.bio = userBio;
  }
}
