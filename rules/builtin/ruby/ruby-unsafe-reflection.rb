class ReportsController < ApplicationController
  ALLOWED = { "daily" => :daily, "weekly" => :weekly }.freeze
  def show
    # ruleid: ruby-unsafe-reflection
    report = Report.send(params[:kind])
    # ruleid: ruby-unsafe-reflection
    klass = params[:type].constantize
    # ok: ruby-unsafe-reflection
    report = Report.public_send(ALLOWED.fetch(params[:kind]))
    # ok: ruby-unsafe-reflection
    klass = { "csv" => CsvExport, "pdf" => PdfExport }.fetch(params[:type])
  end
end
